"""A held-out corpus for venue finding: 64 arXiv-only catalog entries and 150-odd service
records, written from what Semantic Scholar's paper batch and DBLP's publication search
return in the wild, before the matcher's rules were read. It is scored apart from
`venue_corpus`, which was written alongside the code.

What goes wrong in the wild, and is here:
- Semantic Scholar gives the arXiv posting year for a paper published the next year
  (`year` 2022, venue CVPR, published in CVPR 2023);
- `publicationVenue` null with `venue` set, or the reverse; `venue: "arXiv.org"`;
- workshop papers (CVPR Workshops is not CVPR), journal extensions with the same title and
  part of the authors, near-duplicate titles by other authors, surveys of the same name;
- titles differing in case, punctuation, dashes and LaTeX; names in either order, with
  accents folded (Müller, Mueller), initials, DBLP homonym numbers ("Wei Liu 0002");
- CoRR-only DBLP records, which name no publication; papers nobody places;
- hostile text: control characters and a 10,000-character venue.

`truth` is every venue a careful maintainer could write, with the year, or None."""

from __future__ import annotations

from dataclasses import dataclass

from tests.support.scholarly import DblpHit, Library, S2Paper

CONF = "Conference and Workshop Papers"
JOURNAL = "Journal Articles"
CORR = "Informal and Other Publications"


@dataclass(frozen=True)
class Case:
    arxiv: str
    title: str
    authors: tuple[str, ...]
    posted: int
    truth: tuple[frozenset[str], int] | None


def _truth(venue: str | None, year: int = 0) -> tuple[frozenset[str], int] | None:
    return None if venue is None else (frozenset(venue.split("|")), year)


# Semantic Scholar places these, with its own venue names and the published year.
# (id, title, authors, posted, truth venue(s), truth year, S2 venue, S2 publicationVenue)
S2_RIGHT = [
    (
        "2103.00020",
        "Learning Transferable Visual Models From Natural Language Supervision",
        ("Alec Radford", "Jong Wook Kim", "Chris Hallacy", "Aditya Ramesh"),
        2021,
        "ICML",
        2021,
        "International Conference on Machine Learning",
        "International Conference on Machine Learning",
    ),
    (
        "2105.15203",
        "SegFormer: Simple and Efficient Design for Semantic Segmentation with Transformers",
        ("Enze Xie", "Wenhai Wang", "Zhiding Yu", "Anima Anandkumar"),
        2021,
        "NeurIPS",
        2021,
        "Neural Information Processing Systems",
        "Neural Information Processing Systems",
    ),
    (
        "2012.15840",
        "Rethinking Semantic Segmentation from a Sequence-to-Sequence Perspective with Transformers",
        ("Sixiao Zheng", "Jiachen Lu", "Hengshuang Zhao", "Xiatian Zhu"),
        2020,
        "CVPR",
        2021,
        "Computer Vision and Pattern Recognition",
        "Computer Vision and Pattern Recognition",
    ),
    (
        "2107.06278",
        "Per-Pixel Classification is Not All You Need for Semantic Segmentation",
        ("Bowen Cheng", "Alexander G. Schwing", "Alexander Kirillov"),
        2021,
        "NeurIPS",
        2021,
        "Neural Information Processing Systems",
        "",
    ),
    (
        "2104.14294",
        "Emerging Properties in Self-Supervised Vision Transformers",
        ("Mathilde Caron", "Hugo Touvron", "Ishan Misra", "Hervé Jégou"),
        2021,
        "ICCV",
        2021,
        "IEEE International Conference on Computer Vision",
        "IEEE International Conference on Computer Vision",
    ),
    (
        "2106.08254",
        "BEiT: BERT Pre-Training of Image Transformers",
        ("Hangbo Bao", "Li Dong", "Songhao Piao", "Furu Wei"),
        2021,
        "ICLR",
        2022,
        "International Conference on Learning Representations",
        "International Conference on Learning Representations",
    ),
    (
        "2102.12122",
        "Pyramid Vision Transformer: A Versatile Backbone for Dense Prediction without Convolutions",
        ("Wenhai Wang", "Enze Xie", "Xiang Li", "Deng-Ping Fan"),
        2021,
        "ICCV",
        2021,
        "",
        "IEEE International Conference on Computer Vision",
    ),
    (
        "2201.03545",
        "A ConvNet for the 2020s",
        ("Zhuang Liu", "Hanzi Mao", "Chao-Yuan Wu", "Christoph Feichtenhofer"),
        2022,
        "CVPR",
        2022,
        "Computer Vision and Pattern Recognition",
        "Computer Vision and Pattern Recognition",
    ),
    (
        "2304.07193",
        "DINOv2: Learning Robust Visual Features without Supervision",
        ("Maxime Oquab", "Timothée Darcet", "Théo Moutakanni"),
        2023,
        "TMLR",
        2024,
        "Trans. Mach. Learn. Res.",
        "Transactions on Machine Learning Research",
    ),
    (
        "2112.01527",
        "Masked-attention Mask Transformer for Universal Image Segmentation",
        ("Bowen Cheng", "Ishan Misra", "Alexander G. Schwing", "Alexander Kirillov"),
        2021,
        "CVPR",
        2022,
        "Computer Vision and Pattern Recognition",
        "Computer Vision and Pattern Recognition",
    ),
    (
        "2203.16527",
        "Exploring Plain Vision Transformer Backbones for Object Detection",
        ("Yanghao Li", "Hanzi Mao", "Ross Girshick", "Kaiming He"),
        2022,
        "ECCV",
        2022,
        "European Conference on Computer Vision",
        "European Conference on Computer Vision",
    ),
    (
        "2006.11239",
        "Denoising Diffusion Probabilistic Models",
        ("Jonathan Ho", "Ajay Jain", "Pieter Abbeel"),
        2020,
        "NeurIPS",
        2020,
        "Neural Information Processing Systems",
        "Neural Information Processing Systems",
    ),
    (
        "1807.10221",
        "Unified Perceptual Parsing for Scene Understanding",
        ("Tete Xiao", "Yingcheng Liu", "Bolei Zhou", "Yuning Jiang", "Jian Sun"),
        2018,
        "ECCV",
        2018,
        "European Conference on Computer Vision",
        "",
    ),
    (
        "2004.08955",
        "ResNeSt: Split-Attention Networks",
        ("Hang Zhang", "Chongruo Wu", "Zhongyue Zhang", "Yi Zhu"),
        2020,
        "CVPR Workshops|CVPRW",
        2022,
        "2022 IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops (CVPRW)",
        "",
    ),
    (
        "1909.11065",
        "Object-Contextual Representations for Semantic Segmentation",
        ("Yuhui Yuan", "Xilin Chen", "Jingdong Wang"),
        2019,
        "ECCV",
        2020,
        "European Conference on Computer Vision",
        "European Conference on Computer Vision",
    ),
    (
        "1908.07919",
        "Deep High-Resolution Representation Learning for Visual Recognition",
        ("Jingdong Wang", "Ke Sun", "Tianheng Cheng", "Borui Jiang"),
        2019,
        "TPAMI",
        2021,
        "IEEE Transactions on Pattern Analysis and Machine Intelligence",
        "IEEE Transactions on Pattern Analysis and Machine Intelligence",
    ),
    (
        "2003.08934",
        "NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis",
        ("Ben Mildenhall", "Pratul P. Srinivasan", "Matthew Tancik", "Jonathan T. Barron"),
        2020,
        "ECCV",
        2020,
        "European Conference on Computer Vision",
        "European Conference on Computer Vision",
    ),
    (
        "1802.02611",
        "Encoder-Decoder with Atrous Separable Convolution for Semantic Image Segmentation",
        ("Liang-Chieh Chen", "Yukun Zhu", "George Papandreou", "Florian Schroff"),
        2018,
        "ECCV",
        2018,
        "European Conference on Computer Vision",
        "",
    ),
    (
        "2208.12242",
        "DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation",
        ("Nataniel Ruiz", "Yuanzhen Li", "Varun Jampani", "Yael Pritch"),
        2022,
        "CVPR",
        2023,
        "Computer Vision and Pattern Recognition",
        "Computer Vision and Pattern Recognition",
    ),
    (
        "2211.01324",
        "eDiff-I: Text-to-Image Diffusion Models with an Ensemble of Expert Denoisers",
        ("Yogesh Balaji", "Seungjun Nah", "Xun Huang", "Arash Vahdat"),
        2022,
        None,
        0,
        "arXiv.org",
        "",
    ),
]

# Semantic Scholar names the venue but gives the arXiv posting year; DBLP has the
# proceedings, with the year a maintainer writes. (id, title, authors, posted, venue,
# published year, S2 venue)
S2_ARXIV_YEAR = [
    (
        "2212.09748",
        "Scalable Diffusion Models with Transformers",
        ("William Peebles", "Saining Xie"),
        2022,
        "ICCV",
        2023,
        "IEEE International Conference on Computer Vision",
    ),
    (
        "2302.05543",
        "Adding Conditional Control to Text-to-Image Diffusion Models",
        ("Lvmin Zhang", "Anyi Rao", "Maneesh Agrawala"),
        2023,
        "ICCV",
        2023,
        "IEEE International Conference on Computer Vision",
    ),
    (
        "2111.06377",
        "Masked Autoencoders Are Scalable Vision Learners",
        ("Kaiming He", "Xinlei Chen", "Saining Xie", "Yanghao Li"),
        2021,
        "CVPR",
        2022,
        "Computer Vision and Pattern Recognition",
    ),
    (
        "2112.10741",
        "GLIDE: Towards Photorealistic Image Generation and Editing with Text-Guided Diffusion Models",
        ("Alex Nichol", "Prafulla Dhariwal", "Aditya Ramesh", "Pranav Shyam"),
        2021,
        "ICML",
        2022,
        "International Conference on Machine Learning",
    ),
    (
        "2210.09276",
        "Imagic: Text-Based Real Image Editing with Diffusion Models",
        ("Bahjat Kawar", "Shiran Zada", "Oran Lang", "Omer Tov"),
        2022,
        "CVPR",
        2023,
        "Computer Vision and Pattern Recognition",
    ),
    (
        "2209.14988",
        "DreamFusion: Text-to-3D using 2D Diffusion",
        ("Ben Poole", "Ajay Jain", "Jonathan T. Barron", "Ben Mildenhall"),
        2022,
        "ICLR",
        2023,
        "International Conference on Learning Representations",
    ),
]

# Semantic Scholar says arXiv.org; DBLP has the publication under its short names, the first
# author with a homonym number. (id, title, authors, posted, venue, year, DBLP venue)
DBLP_ONLY = [
    (
        "2103.14030",
        "Swin Transformer: Hierarchical Vision Transformer using Shifted Windows",
        ("Ze Liu", "Yutong Lin", "Yue Cao", "Han Hu"),
        2021,
        "ICCV",
        2021,
        "ICCV",
    ),
    (
        "2105.05633",
        "Segmenter: Transformer for Semantic Segmentation",
        ("Robin Strudel", "Ricardo Garcia", "Ivan Laptev", "Cordelia Schmid"),
        2021,
        "ICCV",
        2021,
        "ICCV",
    ),
    (
        "2111.09886",
        "SimMIM: A Simple Framework for Masked Image Modeling",
        ("Zhenda Xie", "Zheng Zhang", "Yue Cao", "Yutong Lin"),
        2021,
        "CVPR",
        2022,
        "CVPR",
    ),
    (
        "2206.00364",
        "Elucidating the Design Space of Diffusion-Based Generative Models",
        ("Tero Karras", "Miika Aittala", "Timo Aila", "Samuli Laine"),
        2022,
        "NeurIPS",
        2022,
        "NeurIPS",
    ),
    (
        "2010.02502",
        "Denoising Diffusion Implicit Models",
        ("Jiaming Song", "Chenlin Meng", "Stefano Ermon"),
        2020,
        "ICLR",
        2021,
        "ICLR",
    ),
    (
        "2204.03458",
        "Video Diffusion Models",
        ("Jonathan Ho", "Tim Salimans", "Alexey A. Gritsenko", "William Chan"),
        2022,
        "NeurIPS",
        2022,
        "NeurIPS",
    ),
    (
        "2011.13456",
        "Score-Based Generative Modeling through Stochastic Differential Equations",
        ("Yang Song", "Jascha Sohl-Dickstein", "Diederik P. Kingma"),
        2020,
        "ICLR",
        2021,
        "ICLR",
    ),
    (
        "1904.11492",
        "Searching for MobileNetV3",
        ("Andrew Howard", "Mark Sandler", "Grace Chu", "Liang-Chieh Chen"),
        2019,
        "ICCV",
        2019,
        "ICCV",
    ),
    (
        "2108.10257",
        "Global Filter Networks for Image Classification",
        ("Yongming Rao", "Wenliang Zhao", "Zheng Zhu", "Jiwen Lu", "Jie Zhou"),
        2021,
        "NeurIPS",
        2021,
        "NeurIPS",
    ),
    (
        "1612.03144",
        "Feature Pyramid Networks for Object Detection",
        ("Tsung-Yi Lin", "Piotr Dollár", "Ross Girshick", "Kaiming He"),
        2016,
        "CVPR",
        2017,
        "CVPR",
    ),
    (
        "2012.12877",
        "Training data-efficient image transformers & distillation through attention",
        ("Hugo Touvron", "Matthieu Cord", "Matthijs Douze", "Francisco Massa"),
        2020,
        "ICML",
        2021,
        "ICML",
    ),
    (
        "2303.05499",
        "Grounding DINO: Marrying DINO with Grounded Pre-Training for Open-Set Object Detection",
        ("Shilong Liu", "Zhaoyang Zeng", "Tianhe Ren", "Feng Li"),
        2023,
        "ECCV",
        2024,
        "ECCV",
    ),
]

# Nobody places these: Semantic Scholar says arXiv.org, DBLP has only CoRR.
UNPUBLISHED = [
    (
        "2204.06125",
        "Hierarchical Text-Conditional Image Generation with CLIP Latents",
        ("Aditya Ramesh", "Prafulla Dhariwal", "Alex Nichol", "Casey Chu"),
        2022,
    ),
    ("2303.08774", "GPT-4 Technical Report", ("Josh Achiam", "Steven Adler"), 2023),
    (
        "2310.11441",
        "Set-of-Mark Prompting Unleashes Extraordinary Visual Grounding in GPT-4V",
        ("Jianwei Yang", "Hao Zhang", "Feng Li", "Xueyan Zou"),
        2023,
    ),
    (
        "2403.03206",
        "Scaling Rectified Flow Transformers for High-Resolution Image Synthesis",
        ("Patrick Esser", "Sumith Kulal", "Andreas Blattmann"),
        2024,
    ),
    (
        "2311.15127",
        "Stable Video Diffusion: Scaling Latent Video Diffusion Models to Large Datasets",
        ("Andreas Blattmann", "Tim Dockhorn", "Sumith Kulal"),
        2023,
    ),
    ("2406.09414", "Depth Anything V2", ("Lihe Yang", "Bingyi Kang", "Zilong Huang"), 2024),
    (
        "2408.00714",
        "SAM 2: Segment Anything in Images and Videos",
        ("Nikhila Ravi", "Valentin Gabeur", "Yuan-Ting Hu"),
        2024,
    ),
    ("2312.11805", "Gemini: A Family of Highly Capable Multimodal Models", ("Rohan Anil",), 2023),
]


def _cases_special() -> list[Case]:
    """Cases each built around one trap (the records are in `_library_special`)."""
    c = Case
    return [
        # a workshop paper that DBLP files under "CVPR Workshops": not CVPR
        c(
            "2205.01000",
            "Efficient High-Resolution Matting with Guided Refinement",
            ("Anna Kowalska", "Piotr Nowak"),
            2022,
            _truth("CVPR Workshops|CVPRW", 2022),
        ),
        # the journal extension (TPAMI 2024, same title, some of the authors) comes first
        # in DBLP's order; the arXiv paper listed is the conference version (CVPR 2022)
        c(
            "2112.00001",
            "Panoptic Refinement Networks for Dense Prediction",
            ("Lukas Meier", "Jonas Weber", "Sara Fischer"),
            2021,
            _truth("CVPR", 2022),
        ),
        # title written with LaTeX and another case in the catalog
        c(
            "2106.02000",
            "$\\alpha$-Blending Networks for Ultra High-Resolution Segmentation",
            ("Yi Zhou", "Chen Wang"),
            2021,
            _truth("ICCV", 2021),
        ),
        # the catalog writes "Mueller"; the services "Müller" (and DBLP a homonym number)
        c(
            "2207.03000",
            "Patch-Wise Attention for Gigapixel Pathology Images",
            ("Thomas Mueller", "Eva Schmidt", "Karl Braun"),
            2022,
            _truth("MICCAI", 2022),
        ),
        # the catalog writes family names first ("Zhang Wei"); the records given first
        c(
            "2109.04000",
            "Boundary-Aware Refinement for High-Resolution Remote Sensing",
            ("Zhang Wei", "Li Na", "Wang Fang"),
            2021,
            _truth("TGRS|IEEE TGRS", 2022),
        ),
        # a survey with the same title's head by other authors, published: not this paper
        c(
            "2301.05000",
            "High-Resolution Image Segmentation",
            ("Marta Rossi", "Luca Bianchi"),
            2023,
            None,
        ),
        # same exact title, other authors entirely, published; ours is not
        c(
            "2302.06000",
            "Cascade Refinement for High-Resolution Matting",
            ("Olga Ivanova", "Dmitri Petrov"),
            2023,
            None,
        ),
        # the v2 title on the services differs from the catalog's v1 title: no match
        c(
            "2108.07000",
            "Learning to Zoom: Saliency Sampling for Segmentation",
            ("Hannah Clark", "Peter Lewis"),
            2021,
            None,
        ),
        # a record with control characters in its venue, and one with a 10,000-character venue
        c(
            "2110.08000",
            "Glance and Focus Networks for Dynamic Visual Recognition",
            ("Gao Huang", "Yulin Wang", "Kangchen Lv"),
            2021,
            _truth("TPAMI", 2023),
        ),
        c(
            "2111.09000",
            "Adaptive Sampling for Ultra-High-Resolution Segmentation",
            ("Rui Gao", "Ming Tang"),
            2021,
            None,
        ),
        # only one author shared of four, and the title equal: the other paper
        c(
            "2203.10000",
            "Progressive Semantic Segmentation",
            ("Chuong Huynh", "Anh Tran", "Khoa Luu", "Minh Hoai"),
            2022,
            _truth("CVPR", 2021),
        ),
        # et al.: the services list only the first three of seven authors
        c(
            "2204.11000",
            "Multi-Scale Context Aggregation for Aerial Image Segmentation",
            (
                "Ana Silva",
                "Bruno Costa",
                "Carla Souza",
                "Diego Lima",
                "Elisa Rocha",
                "Fabio Alves",
                "Gina Dias",
            ),
            2022,
            _truth("WACV", 2023),
        ),
        # DBLP's one author is an object, not a list
        c(
            "2205.12000",
            "A Note on Tiling Artefacts in Gigapixel Inference",
            ("Jean Dupont",),
            2022,
            _truth("BMVC", 2022),
        ),
        # Semantic Scholar knows the paper only by another arXiv id (a record for another
        # id in this id's place is refused); DBLP has it
        c(
            "2206.13000",
            "Memory-Efficient Segmentation of 4K Video",
            ("Sofia Garcia", "Pablo Martin"),
            2022,
            _truth("ECCV", 2022),
        ),
        # a journal named only in DBLP's abbreviation
        c(
            "2207.14000",
            "Context-Aware Upsampling for Satellite Imagery",
            ("Ravi Kumar", "Priya Sharma", "Arjun Singh"),
            2022,
            _truth("TIP|IEEE TIP", 2023),
        ),
        # CoRR twice (a v2 posted as a new DBLP record): no venue
        c(
            "2208.15000",
            "Token Pruning for High-Resolution Vision Transformers",
            ("Kim Minji", "Park Jisoo"),
            2022,
            None,
        ),
    ]


def _library_special(lib: Library) -> None:
    s2, dblp = lib.s2, lib.dblp

    def arxiv_only(arxiv: str, title: str, authors: list[str], year: int) -> None:
        s2[arxiv] = S2Paper(arxiv, title, authors, "arXiv.org", "", year)

    arxiv_only(
        "2205.01000",
        "Efficient High-Resolution Matting with Guided Refinement",
        ["Anna Kowalska", "Piotr Nowak"],
        2022,
    )
    dblp.append(
        DblpHit(
            "Efficient High-Resolution Matting with Guided Refinement.",
            ["Anna Kowalska", "Piotr Nowak"],
            "CVPR Workshops",
            2022,
        )
    )
    arxiv_only(
        "2112.00001",
        "Panoptic Refinement Networks for Dense Prediction",
        ["Lukas Meier", "Jonas Weber", "Sara Fischer"],
        2021,
    )
    dblp.append(
        DblpHit(
            "Panoptic Refinement Networks for Dense Prediction.",
            ["Lukas Meier", "Sara Fischer", "Tim Vogel", "Nina Roth"],
            "IEEE Trans. Pattern Anal. Mach. Intell.",
            2024,
            JOURNAL,
        )
    )
    dblp.append(
        DblpHit(
            "Panoptic Refinement Networks for Dense Prediction.",
            ["Lukas Meier", "Jonas Weber", "Sara Fischer"],
            "CVPR",
            2022,
        )
    )
    arxiv_only(
        "2106.02000",
        "α-Blending Networks for Ultra High-Resolution Segmentation",
        ["Yi Zhou", "Chen Wang"],
        2021,
    )
    dblp.append(
        DblpHit(
            "α-Blending Networks for Ultra High-Resolution Segmentation.",
            ["Yi Zhou 0003", "Chen Wang 0011"],
            "ICCV",
            2021,
        )
    )
    s2["2207.03000"] = S2Paper(
        "2207.03000",
        "Patch-Wise Attention for Gigapixel Pathology Images",
        ["Thomas Müller", "Eva Schmidt", "Karl Braun"],
        "International Conference on Medical Image Computing and Computer-Assisted Intervention",
        "International Conference on Medical Image Computing and Computer-Assisted Intervention",
        2022,
    )
    s2["2109.04000"] = S2Paper(
        "2109.04000",
        "Boundary-Aware Refinement for High-Resolution Remote Sensing",
        ["Wei Zhang", "Na Li", "Fang Wang"],
        "IEEE Transactions on Geoscience and Remote Sensing",
        "IEEE Transactions on Geoscience and Remote Sensing",
        2022,
    )
    arxiv_only(
        "2301.05000", "High-Resolution Image Segmentation", ["Marta Rossi", "Luca Bianchi"], 2023
    )
    dblp.append(
        DblpHit(
            "High-Resolution Image Segmentation: A Survey.",
            ["Xin Li", "Yang Liu"],
            "IEEE Trans. Image Process.",
            2023,
            JOURNAL,
        )
    )
    dblp.append(
        DblpHit("High-Resolution Image Segmentation.", ["Xin Li", "Yang Liu"], "ICIP", 2022)
    )
    arxiv_only(
        "2302.06000",
        "Cascade Refinement for High-Resolution Matting",
        ["Olga Ivanova", "Dmitri Petrov"],
        2023,
    )
    dblp.append(
        DblpHit(
            "Cascade Refinement for High-Resolution Matting.",
            ["Hiroshi Tanaka", "Yuki Sato"],
            "ACCV",
            2022,
        )
    )
    arxiv_only(
        "2108.07000",
        "Learning to Zoom: Saliency Sampling for Segmentation",
        ["Hannah Clark", "Peter Lewis"],
        2021,
    )
    dblp.append(
        DblpHit(
            "Learning to Zoom and Focus: Saliency-Guided Sampling for Segmentation.",
            ["Hannah Clark", "Peter Lewis"],
            "BMVC",
            2022,
        )
    )
    s2["2110.08000"] = S2Paper(
        "2110.08000",
        "Glance and Focus Networks for Dynamic Visual Recognition",
        ["Gao Huang", "Yulin Wang", "Kangchen Lv"],
        "IEEE Transactions on Pattern Analysis\x1b[31m and Machine Intelligence\x07",
        "",
        2023,
    )
    dblp.append(
        DblpHit(
            "Glance and Focus Networks for Dynamic Visual Recognition.",
            ["Gao Huang", "Yulin Wang", "Kangchen Lv"],
            "IEEE Trans. Pattern Anal. Mach. Intell.",
            2023,
            JOURNAL,
        )
    )
    s2["2111.09000"] = S2Paper(
        "2111.09000",
        "Adaptive Sampling for Ultra-High-Resolution Segmentation",
        ["Rui Gao", "Ming Tang"],
        "Conference " * 1000,
        "",
        2022,
    )
    arxiv_only(
        "2203.10000",
        "Progressive Semantic Segmentation",
        ["Chuong Huynh", "Anh Tran", "Khoa Luu", "Minh Hoai"],
        2022,
    )
    dblp.append(
        DblpHit(
            "Progressive Semantic Segmentation.",
            ["Chuong Huynh", "Anh Tuan Tran", "Khoa Luu", "Minh Hoai"],
            "CVPR",
            2021,
        )
    )
    dblp.append(
        DblpHit(
            "Progressive Semantic Segmentation.",
            ["Minh Hoai", "Xiao Chen", "Yue Wu", "Jian Li"],
            "ICPR",
            2020,
        )
    )
    s2["2204.11000"] = S2Paper(
        "2204.11000",
        "Multi-Scale Context Aggregation for Aerial Image Segmentation",
        ["Ana Silva", "Bruno Costa", "Carla Souza"],
        "IEEE Workshop/Winter Conference on Applications of Computer Vision",
        "IEEE Workshop/Winter Conference on Applications of Computer Vision",
        2023,
    )
    arxiv_only(
        "2205.12000", "A Note on Tiling Artefacts in Gigapixel Inference", ["Jean Dupont"], 2022
    )
    dblp.append(
        DblpHit(
            "A Note on Tiling Artefacts in Gigapixel Inference.", ["Jean Dupont 0002"], "BMVC", 2022
        )
    )
    s2["2206.13000"] = S2Paper(
        "2206.99999",
        "Memory-Efficient Segmentation of 4K Video",
        ["Sofia Garcia", "Pablo Martin"],
        "ECCV",
        "European Conference on Computer Vision",
        2022,
    )
    dblp.append(
        DblpHit(
            "Memory-Efficient Segmentation of 4K Video.",
            ["Sofia Garcia", "Pablo Martin"],
            "ECCV",
            2022,
        )
    )
    arxiv_only(
        "2207.14000",
        "Context-Aware Upsampling for Satellite Imagery",
        ["Ravi Kumar", "Priya Sharma", "Arjun Singh"],
        2022,
    )
    dblp.append(
        DblpHit(
            "Context-Aware Upsampling for Satellite Imagery.",
            ["Ravi Kumar 0004", "Priya Sharma", "Arjun Singh"],
            "IEEE Trans. Image Process.",
            2023,
            JOURNAL,
        )
    )
    arxiv_only(
        "2208.15000",
        "Token Pruning for High-Resolution Vision Transformers",
        ["Minji Kim", "Jisoo Park"],
        2022,
    )
    for year in (2022, 2023):
        dblp.append(
            DblpHit(
                "Token Pruning for High-Resolution Vision Transformers.",
                ["Minji Kim", "Jisoo Park"],
                "CoRR",
                year,
                CORR,
            )
        )


DBLP_NAME = {"CVPR": "CVPR", "ICCV": "ICCV", "ECCV": "ECCV (12)", "NeurIPS": "NeurIPS",
             "ICLR": "ICLR", "ICML": "ICML"}  # fmt: skip


def cases() -> list[Case]:
    out = [c(a, t, au, p, _truth(v, y)) for a, t, au, p, v, y, _s, _pv in S2_RIGHT
           for c in (Case,)]  # fmt: skip
    out += [Case(a, t, au, p, _truth(v, y)) for a, t, au, p, v, y, _s in S2_ARXIV_YEAR]
    out += [Case(a, t, au, p, _truth(v, y)) for a, t, au, p, v, y, _d in DBLP_ONLY]
    out += [Case(a, t, au, p, None) for a, t, au, p in UNPUBLISHED]
    return out + _cases_special()


def library() -> Library:
    lib = Library()
    for a, t, au, _p, _v, y, venue, pv in S2_RIGHT:
        lib.s2[a] = S2Paper(a, t, list(au), venue, pv, y)
    for a, t, au, p, v, y, venue in S2_ARXIV_YEAR:
        lib.s2[a] = S2Paper(a, t, list(au), venue, venue, p)  # the arXiv year
        lib.dblp.append(DblpHit(f"{t}.", list(au), "CoRR", p, CORR))
        lib.dblp.append(DblpHit(f"{t}.", list(au), DBLP_NAME[v], y))
    for a, t, au, p, _v, y, venue in DBLP_ONLY:
        lib.s2[a] = S2Paper(a, t, list(au), "arXiv.org", "", p)
        lib.dblp.append(DblpHit(f"{t}.", list(au), "CoRR", p, CORR))
        first = [f"{n} 0002" if i == 0 else n for i, n in enumerate(au)]
        lib.dblp.append(DblpHit(f"{t}.", first, venue, y))
    for a, t, au, p in UNPUBLISHED:
        lib.s2[a] = S2Paper(a, t, list(au), "arXiv.org", "", p)
        lib.dblp.append(DblpHit(f"{t}.", list(au), "CoRR", p, CORR))
    _library_special(lib)
    return lib


def records() -> int:
    lib = library()
    return len(lib.s2) + len(lib.dblp)
