"""A corpus of realistic arXiv-only catalog entries and what Semantic Scholar and DBLP say
of them: published papers Semantic Scholar places, papers only DBLP places, papers no one
places, near-duplicate titles by other authors, a misaligned record and a renamed paper.
`truth` is the venue and year a careful maintainer would write, or None."""

from __future__ import annotations

from dataclasses import dataclass

from tests.support.scholarly import DblpHit, Library, S2Paper


@dataclass(frozen=True)
class Case:
    arxiv: str
    title: str
    authors: tuple[str, ...]
    posted: int
    truth: tuple[str, int] | None


# (arXiv id, title, authors, posted, venue, year, Semantic Scholar's publicationVenue)
S2_PLACES = [
    (
        "2211.09800",
        "InstructPix2Pix: Learning to Follow Image Editing Instructions",
        ("Tim Brooks", "Aleksander Holynski", "Alexei A. Efros"),
        2022,
        "CVPR",
        2023,
        "Computer Vision and Pattern Recognition",
    ),
    (
        "1512.03385",
        "Deep Residual Learning for Image Recognition",
        ("Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"),
        2015,
        "CVPR",
        2016,
        "Computer Vision and Pattern Recognition",
    ),
    (
        "1706.03762",
        "Attention Is All You Need",
        ("Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit"),
        2017,
        "NeurIPS",
        2017,
        "Neural Information Processing Systems",
    ),
    (
        "2010.11929",
        "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
        ("Alexey Dosovitskiy", "Lucas Beyer", "Alexander Kolesnikov"),
        2020,
        "ICLR",
        2021,
        "International Conference on Learning Representations",
    ),
    (
        "2103.14030",
        "Swin Transformer: Hierarchical Vision Transformer using Shifted Windows",
        ("Ze Liu", "Yutong Lin", "Yue Cao", "Han Hu"),
        2021,
        "ICCV",
        2021,
        "IEEE International Conference on Computer Vision",
    ),
    (
        "2112.10752",
        "High-Resolution Image Synthesis with Latent Diffusion Models",
        ("Robin Rombach", "Andreas Blattmann", "Dominik Lorenz", "Patrick Esser", "Björn Ommer"),
        2021,
        "CVPR",
        2022,
        "Computer Vision and Pattern Recognition",
    ),
    (
        "2006.11239",
        "Denoising Diffusion Probabilistic Models",
        ("Jonathan Ho", "Ajay Jain", "Pieter Abbeel"),
        2020,
        "NeurIPS",
        2020,
        "Neural Information Processing Systems",
    ),
    (
        "1505.04597",
        "U-Net: Convolutional Networks for Biomedical Image Segmentation",
        ("Olaf Ronneberger", "Philipp Fischer", "Thomas Brox"),
        2015,
        "MICCAI",
        2015,
        "International Conference on Medical Image Computing and Computer-Assisted Intervention",
    ),
    (
        "2003.08934",
        "NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis",
        ("Ben Mildenhall", "Pratul P. Srinivasan", "Matthew Tancik"),
        2020,
        "ECCV",
        2020,
        "European Conference on Computer Vision",
    ),
    (
        "2304.02643",
        "Segment Anything",
        ("Alexander Kirillov", "Eric Mintun", "Nikhila Ravi"),
        2023,
        "ICCV",
        2023,
        "IEEE International Conference on Computer Vision",
    ),
    (
        "1810.04805",
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
        ("Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"),
        2018,
        "NAACL",
        2019,
        "North American Chapter of the Association for Computational Linguistics",
    ),
    (
        "2103.00020",
        "Learning Transferable Visual Models From Natural Language Supervision",
        ("Alec Radford", "Jong Wook Kim", "Chris Hallacy"),
        2021,
        "ICML",
        2021,
        "International Conference on Machine Learning",
    ),
    (
        "1412.6980",
        "Adam: A Method for Stochastic Optimization",
        ("Diederik P. Kingma", "Jimmy Ba"),
        2014,
        "ICLR",
        2015,
        "International Conference on Learning Representations",
    ),
    (
        "2111.06377",
        "Masked Autoencoders Are Scalable Vision Learners",
        ("Kaiming He", "Xinlei Chen", "Saining Xie"),
        2021,
        "CVPR",
        2022,
        "Computer Vision and Pattern Recognition",
    ),
    (
        "2002.05709",
        "A Simple Framework for Contrastive Learning of Visual Representations",
        ("Ting Chen", "Simon Kornblith", "Mohammad Norouzi", "Geoffrey E. Hinton"),
        2020,
        "ICML",
        2020,
        "International Conference on Machine Learning",
    ),
    (
        "1506.01497",
        "Faster R-CNN: Towards Real-Time Object Detection with Region Proposal Networks",
        ("Shaoqing Ren", "Kaiming He", "Ross Girshick", "Jian Sun"),
        2015,
        "NeurIPS",
        2015,
        "Neural Information Processing Systems",
    ),
    (
        "1703.06870",
        "Mask R-CNN",
        ("Kaiming He", "Georgia Gkioxari", "Piotr Dollár", "Ross Girshick"),
        2017,
        "ICCV",
        2017,
        "IEEE International Conference on Computer Vision",
    ),
    (
        "2005.12872",
        "End-to-End Object Detection with Transformers",
        ("Nicolas Carion", "Francisco Massa", "Gabriel Synnaeve"),
        2020,
        "ECCV",
        2020,
        "European Conference on Computer Vision",
    ),
    (
        "1908.07919",
        "Deep High-Resolution Representation Learning for Visual Recognition",
        ("Jingdong Wang", "Ke Sun", "Tianheng Cheng"),
        2019,
        "TPAMI",
        2020,
        "IEEE Transactions on Pattern Analysis and Machine Intelligence",
    ),
    (
        "2308.04079",
        "3D Gaussian Splatting for Real-Time Radiance Field Rendering",
        ("Bernhard Kerbl", "Georgios Kopanas", "Thomas Leimkühler", "George Drettakis"),
        2023,
        "TOG",
        2023,
        "ACM Transactions on Graphics",
    ),
]
# Semantic Scholar says arXiv.org; DBLP has the publication (its short venue names)
DBLP_PLACES = [
    (
        "1611.07004",
        "Image-to-Image Translation with Conditional Adversarial Networks",
        ("Phillip Isola", "Jun-Yan Zhu", "Tinghui Zhou", "Alexei A. Efros"),
        2016,
        "CVPR",
        2017,
    ),
    (
        "1703.10593",
        "Unpaired Image-to-Image Translation using Cycle-Consistent Adversarial Networks",
        ("Jun-Yan Zhu", "Taesung Park", "Phillip Isola", "Alexei A. Efros"),
        2017,
        "ICCV",
        2017,
    ),
    (
        "1812.04948",
        "A Style-Based Generator Architecture for Generative Adversarial Networks",
        ("Tero Karras", "Samuli Laine", "Timo Aila"),
        2018,
        "CVPR",
        2019,
    ),
    (
        "2102.12092",
        "Zero-Shot Text-to-Image Generation",
        ("Aditya Ramesh", "Mikhail Pavlov", "Gabriel Goh", "Scott Gray"),
        2021,
        "ICML",
        2021,
    ),
    (
        "1409.1556",
        "Very Deep Convolutional Networks for Large-Scale Image Recognition",
        ("Karen Simonyan", "Andrew Zisserman"),
        2014,
        "ICLR",
        2015,
    ),
    (
        "1502.03167",
        "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift",
        ("Sergey Ioffe", "Christian Szegedy"),
        2015,
        "ICML",
        2015,
    ),
    (
        "1608.06993",
        "Densely Connected Convolutional Networks",
        ("Gao Huang", "Zhuang Liu", "Laurens van der Maaten", "Kilian Q. Weinberger"),
        2016,
        "CVPR",
        2017,
    ),
    (
        "1802.02611",
        "Encoder-Decoder with Atrous Separable Convolution for Semantic Image Segmentation",
        ("Liang-Chieh Chen", "Yukun Zhu", "George Papandreou", "Florian Schroff", "Hartwig Adam"),
        2018,
        "ECCV",
        2018,
    ),
    (
        "2105.15203",
        "SegFormer: Simple and Efficient Design for Semantic Segmentation with Transformers",
        ("Enze Xie", "Wenhai Wang", "Zhiding Yu"),
        2021,
        "NeurIPS",
        2021,
    ),
    (
        "2201.03545",
        "A ConvNet for the 2020s",
        ("Zhuang Liu", "Hanzi Mao", "Chao-Yuan Wu", "Christoph Feichtenhofer"),
        2022,
        "CVPR",
        2022,
    ),
    (
        "2106.09685",
        "LoRA: Low-Rank Adaptation of Large Language Models",
        ("Edward J. Hu", "Yelong Shen", "Phillip Wallis"),
        2021,
        "ICLR",
        2022,
    ),
    (
        "1312.6114",
        "Auto-Encoding Variational Bayes",
        ("Diederik P. Kingma", "Max Welling"),
        2013,
        "ICLR",
        2014,
    ),
    (
        "1711.00937",
        "Neural Discrete Representation Learning",
        ("Aaron van den Oord", "Oriol Vinyals", "Koray Kavukcuoglu"),
        2017,
        "NeurIPS",
        2017,
    ),
    (
        "2209.14988",
        "DreamFusion: Text-to-3D using 2D Diffusion",
        ("Ben Poole", "Ajay Jain", "Jonathan T. Barron", "Ben Mildenhall"),
        2022,
        "ICLR",
        2023,
    ),
]
DBLP_VENUE = {
    "CVPR": "CVPR",
    "ICCV": "ICCV",
    "ICML": "ICML",
    "ICLR": "ICLR",
    "ECCV": "ECCV (7)",
    "NeurIPS": "NeurIPS",
}
# no publication: Semantic Scholar says arXiv.org, DBLP only CoRR (or another paper)
UNPUBLISHED = [
    (
        "2303.08774",
        "GPT-4 Technical Report",
        ("Josh Achiam", "Steven Adler", "Sandhini Agarwal"),
        2023,
    ),
    (
        "2307.09288",
        "Llama 2: Open Foundation and Fine-Tuned Chat Models",
        ("Hugo Touvron", "Louis Martin", "Kevin Stone"),
        2023,
    ),
    (
        "2302.13971",
        "LLaMA: Open and Efficient Foundation Language Models",
        ("Hugo Touvron", "Thibaut Lavril", "Gautier Izacard"),
        2023,
    ),
    (
        "2204.06125",
        "Hierarchical Text-Conditional Image Generation with CLIP Latents",
        ("Aditya Ramesh", "Prafulla Dhariwal", "Alex Nichol"),
        2022,
    ),
    (
        "2303.12712",
        "Sparks of Artificial General Intelligence: Early experiments with GPT-4",
        ("Sébastien Bubeck", "Varun Chandrasekaran", "Ronen Eldan"),
        2023,
    ),
    (
        "2312.00752",
        "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
        ("Albert Gu", "Tri Dao"),
        2023,
    ),
    (
        "2401.04088",
        "Mixtral of Experts",
        ("Albert Q. Jiang", "Alexandre Sablayrolles", "Antoine Roux"),
        2024,
    ),
    (
        "2404.14219",
        "Phi-3 Technical Report: A Highly Capable Language Model Locally on Your Phone",
        ("Marah Abdin", "Sam Ade Jacobs", "Ammar Ahmad Awan"),
        2024,
    ),
]
# near-duplicate titles by other authors, published: they must not be taken
DECOYS = [
    DblpHit("Segment Anything.", ["Wei Zhang", "Lei Wang"], "ICASSP", 2024),
    DblpHit(
        "Mamba: Linear-Time Sequence Modeling with Selective State Spaces.",
        ["John Smith"],
        "ICLR (Tiny Papers)",
        2024,
    ),
    DblpHit(
        "Mixtral of Experts.",
        ["Robert A. Jacobs", "Michael I. Jordan"],
        "Neural Comput.",
        1991,
        "Journal Articles",
    ),
    DblpHit(
        "Sparks of Artificial General Intelligence: Early Experiments with GPT-4.",
        ["Anna Rossi", "Marco Bianchi"],
        "AAAI",
        2024,
    ),
    DblpHit("A ConvNet for the 2020s.", ["Peng Li", "Hao Chen Liu"], "ICME", 2023),
    DblpHit(
        "Densely Connected Convolutional Networks.",
        ["Gao Huang", "Zhuang Liu"],
        "IEEE Trans. Pattern Anal. Mach. Intell.",
        2022,
        "Journal Articles",
    ),
    DblpHit(
        "Auto-Encoding Variational Bayes for Graphs.",
        ["Diederik P. Kingma", "Max Welling"],
        "NeurIPS",
        2016,
    ),
    DblpHit("GPT-4 Technical Report on Medical Imaging.", ["Josh Achiam"], "MIDL", 2024),
]
# The DenseNet decoy shares two authors and the exact title: its journal version (TPAMI
# 2022) comes after the CVPR 2017 hit in DBLP's order, so CVPR is taken.


def cases() -> list[Case]:
    out = [Case(a, t, au, p, (v, y)) for a, t, au, p, v, y, _ in S2_PLACES]
    out += [Case(a, t, au, p, (v, y)) for a, t, au, p, v, y in DBLP_PLACES]
    out += [Case(a, t, au, p, None) for a, t, au, p in UNPUBLISHED]
    # never published (Semantic Scholar: arXiv.org, no publicationVenue)
    out.append(
        Case(
            "1804.02767",
            "YOLOv3: An Incremental Improvement",
            ("Joseph Redmon", "Ali Farhadi"),
            2018,
            None,
        )
    )
    # the published record writes the title in title case and initials for two authors
    out.append(
        Case(
            "2207.02696",
            "YOLOv7: Trainable bag-of-freebies sets new state-of-the-art for real-time object detectors",
            ("Chien-Yao Wang", "Alexey Bochkovskiy", "Hong-Yuan Mark Liao"),
            2022,
            ("CVPR", 2023),
        )
    )
    # Semantic Scholar answers another paper in this id's place: refused, then DBLP
    out.append(
        Case(
            "2104.00001",
            "Emerging Properties in Self-Supervised Vision Transformers",
            ("Mathilde Caron", "Hugo Touvron", "Ishan Misra"),
            2021,
            ("ICCV", 2021),
        )
    )
    return out


def library() -> Library:
    lib = Library()
    for a, t, au, p, _v, y, pv in S2_PLACES:
        lib.s2[a] = S2Paper(a, t, list(au), pv, pv, y)
        lib.arxiv.append(S2Paper(a, t, list(au), year=p))
    for a, t, au, p, v, y in DBLP_PLACES:
        lib.s2[a] = S2Paper(a, t, list(au), "arXiv.org", "arXiv.org", p)
        lib.dblp.append(DblpHit(f"{t}.", list(au), "CoRR", p, "Informal and Other Publications"))
        lib.dblp.append(
            DblpHit(
                f"{t}.", [f"{n} 0001" if i == 0 else n for i, n in enumerate(au)], DBLP_VENUE[v], y
            )
        )
        lib.arxiv.append(S2Paper(a, t, list(au), year=p))
    for a, t, au, p in UNPUBLISHED:
        lib.s2[a] = S2Paper(a, t, list(au), "arXiv.org", "arXiv.org", p)
        lib.dblp.append(DblpHit(f"{t}.", list(au), "CoRR", p, "Informal and Other Publications"))
    lib.dblp.extend(DECOYS)
    lib.s2["1804.02767"] = S2Paper(
        "1804.02767",
        "YOLOv3: An Incremental Improvement",
        ["Joseph Redmon", "Ali Farhadi"],
        "arXiv.org",
        "",
        2018,
    )
    yolo7 = (
        "YOLOv7: Trainable Bag-of-Freebies Sets New State-of-the-Art for Real-Time Object Detectors"
    )
    lib.s2["2207.02696"] = S2Paper(
        "2207.02696",
        yolo7,
        ["Chien-Yao Wang", "A. Bochkovskiy", "H. Liao"],
        "Computer Vision and Pattern Recognition",
        "Computer Vision and Pattern Recognition",
        2023,
    )
    lib.s2["2104.00001"] = S2Paper(
        "2104.00099",
        "Another Paper Entirely",
        ["Someone Else"],
        "CVPR",
        "Computer Vision and Pattern Recognition",
        2021,
    )
    lib.dblp.append(
        DblpHit(
            "Emerging Properties in Self-Supervised Vision Transformers.",
            ["Mathilde Caron", "Hugo Touvron", "Ishan Misra", "Hervé Jégou"],
            "ICCV",
            2021,
        )
    )
    return lib


def records() -> int:
    lib = library()
    return len(lib.s2) + len(lib.dblp)
