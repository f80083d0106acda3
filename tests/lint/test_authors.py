"""RG111's name matching, on real CVF and ECVA URL / first-author pairs and hostile input."""

from __future__ import annotations

import pytest

from readme_gen.catalog.load import load_catalog
from readme_gen.lint.authors import names_first_author, url_file_stem
from readme_gen.lint.registry import RuleOptions
from readme_gen.lint.rules import run_rules
from readme_gen.venues import DEFAULT_VENUE_ALIASES
from tests.support.paths import REPO

CVF = "https://openaccess.thecvf.com/content"
ECVA = "https://www.ecva.net/papers/eccv_2018/papers_ECCV"

MATCHING = [
    # the real catalog's CVF entries
    (
        "Jean-Baptiste Cordonnier",
        f"{CVF}/CVPR2021/html/Cordonnier_Differentiable_Patch_Selection_for_Image_Recognition_CVPR_2021_paper.html",
    ),
    (
        "Ho Kei Cheng",
        f"{CVF}_CVPR_2020/html/Cheng_CascadePSP_Toward_Class-Agnostic_and_Very_High-Resolution_Segmentation_via_Global_and_CVPR_2020_paper.html",
    ),
    (
        "Honglin Li",
        f"{CVF}/CVPR2023/html/Li_Task-Specific_Fine-Tuning_via_Variational_Information_Bottleneck_for_Weakly-Supervised_Pathology_Whole_CVPR_2023_paper.html",
    ),
    # ECCV 2018: given and family name, accents dropped
    (
        "Adrià Recasens",
        f"{CVF}_ECCV_2018/html/Adria_Recasens_Learning_to_Zoom_ECCV_2018_paper.html",
    ),
    ("Mathilde Caron", f"{ECVA}/papers/Mathilde_Caron_Deep_Clustering_for_ECCV_2018_paper.pdf"),
    ("Yonggen Ling", f"{ECVA}/html/Yonggen_Ling_Modeling_Varying_Camera-IMU_ECCV_2018_paper.php"),
    ("Yuan-Ting Hu", f"{ECVA}/papers/Yuan-Ting_Hu_VideoMatch_Matching_based_ECCV_2018_paper.pdf"),
    # ECCV 2018 with the given name alone (ShuffleNet V2, Ningning Ma)
    (
        "Ningning Ma",
        f"{CVF}_ECCV_2018/html/Ningning_Light-weight_CNN_Architecture_ECCV_2018_paper.html",
    ),
    # particles, kept or dropped on either side
    (
        "Wouter Van Gansbeke",
        f"{CVF}/ICCV2021/html/Van_Gansbeke_Unsupervised_Semantic_Segmentation_by_Contrasting_Object_Mask_Proposals_ICCV_2021_paper.html",
    ),
    (
        "Wouter van Gansbeke",
        f"{CVF}/ICCV2021/html/Gansbeke_Unsupervised_Semantic_ICCV_2021_paper.html",
    ),
    (
        "Wouter Gansbeke",
        f"{CVF}/ICCV2021/html/Van_Gansbeke_Unsupervised_Semantic_ICCV_2021_paper.html",
    ),
    ("Joost van de Weijer", f"{CVF}/CVPR2021/html/van_de_Weijer_Some_Title_CVPR_2021_paper.html"),
    ("Joost van de Weijer", f"{CVF}_ECCV_2018/papers/Joost_Weijer_Some_Title_ECCV_2018_paper.pdf"),
    # CJK names: family name first, hyphens and spaces in given names, "Family, Given"
    ("Qin Rong", f"{CVF}/CVPR2025/html/Qin_Some_Title_CVPR_2025_paper.html"),
    ("Qin, Rong", f"{CVF}/CVPR2025/html/Qin_Some_Title_CVPR_2025_paper.html"),
    ("Yu-Wing Tai", f"{CVF}/CVPR2021/html/Yu_Wing_Tai_Some_Title_CVPR_2021_paper.html"),
    ("Yu Wing Tai", f"{CVF}/CVPR2021/html/Tai_Some_Title_CVPR_2021_paper.html"),
    # letters NFKD does not fold, umlauts written out, apostrophes, case
    ("Matthias Nießner", f"{CVF}/CVPR2021/html/Niessner_Some_Title_CVPR_2021_paper.html"),
    ("Thomas Müller", f"{CVF}/CVPR2021/html/Muller_Some_Title_CVPR_2021_paper.html"),
    ("Thomas Müller", f"{CVF}/CVPR2021/html/Mueller_Some_Title_CVPR_2021_paper.html"),
    ("Søren Hauberg", f"{CVF}/CVPR2021/html/Hauberg_Some_Title_CVPR_2021_paper.pdf"),
    ("Søren Hauberg", f"{CVF}/CVPR2021/html/Soren_Hauberg_Some_Title_ECCV_2018_paper.pdf"),
    ("Liam O'Brien", f"{CVF}/CVPR2021/html/OBrien_Some_Title_CVPR_2021_paper.html"),
    ("RONG QIN", f"{CVF}/CVPR2025/html/qin_Some_Title_CVPR_2025_paper.html"),
    # workshops, supplementary material, the pre-2017 file names, percent-encoding
    ("Ann Smith", f"{CVF}/CVPR2023W/CV4Animals/html/Smith_Some_Title_CVPRW_2023_paper.html"),
    ("Ann Smith", f"{CVF}/CVPR2023/supplemental/Smith_Some_Title_CVPR_2023_supplemental.pdf"),
    ("Kaiming He", f"{CVF}_cvpr_2016/papers/He_Deep_Residual_Learning_CVPR_2016_paper.pdf"),
    (
        "Kaiming He",
        "https://www.cv-foundation.org/openaccess/content_cvpr_2016/papers/He_Deep_Residual_Learning_CVPR_2016_paper.pdf",
    ),
    ("Adrià Recasens", f"{CVF}_ECCV_2018/html/Adri%C3%A0_Recasens_Learning_ECCV_2018_paper.html"),
]

MISMATCHED = [
    # the real catalog's suspect entry (issue 13)
    (
        "Rong Qin",
        f"{CVF}_CVPR_2025/html/Chen_No_pains_more_gains_Recycling_sub-salient_patches_for_efficient_high-resolution_image_recognition_CVPR_2025_paper.html",
    ),
    # Group Normalization (ECCV 2018) is Yuxin Wu's, not Kaiming He's
    ("Kaiming He", f"{CVF}_ECCV_2018/papers/Yuxin_Wu_Group_Normalization_ECCV_2018_paper.pdf"),
    ("Mathilde Caron", f"{ECVA}/html/Piotr_Bojanowski_Deep_Clustering_for_ECCV_2018_paper.php"),
    (
        "Xiangyu Zhang",
        "http://www.cv-foundation.org/openaccess/content_cvpr_2016/html/He_Deep_Residual_Learning_CVPR_2016_paper.html",
    ),
    # a particle alone, or an initial alone, is not a name
    ("Joost van de Weijer", f"{CVF}/CVPR2021/html/van_Gool_Some_Title_CVPR_2021_paper.html"),
    ("R. Qin", f"{CVF}/CVPR2025/html/R_Chen_Some_Title_CVPR_2025_paper.html"),
    # a name is matched whole, not as a prefix of a longer one
    ("Xin Li", f"{CVF}/CVPR2025/html/Lin_Some_Title_CVPR_2025_paper.html"),
]


@pytest.mark.parametrize(("author", "url"), MATCHING)
def test_a_url_named_after_the_first_author_matches(author, url):
    stem = url_file_stem(url)
    assert stem is not None
    assert names_first_author(author, stem) is True


@pytest.mark.parametrize(("author", "url"), MISMATCHED)
def test_a_url_named_after_someone_else_does_not(author, url):
    stem = url_file_stem(url)
    assert stem is not None
    assert names_first_author(author, stem) is False


@pytest.mark.parametrize(
    "url",
    [
        # ECVA numbers its pages from 2020 on: no name to compare
        "https://www.ecva.net/papers/eccv_2022/papers_ECCV/html/6228_ECCV_2022_paper.php",
        "https://www.ecva.net/papers/eccv_2022/papers_ECCV/papers/136840369.pdf",
        # other hosts and pages that are not a paper's file
        "https://arxiv.org/abs/2412.10181",
        "https://example.org/content/CVPR2021/html/Chen_X_CVPR_2021_paper.html",
        "https://openaccess.thecvf.com.evil.example/content/CVPR2021/html/Chen_X_CVPR_2021_paper.html",
        "https://openaccess.thecvf.com/CVPR2021?day=all",
        "https://openaccess.thecvf.com/content/CVPR2021/html/",
        "https://openaccess.thecvf.com/menu",
        "https://www.ecva.net/index.php",
        "https://www.cv-foundation.org/content_cvpr_2016/papers/He_Deep_CVPR_2016_paper.pdf",
        "not a url at all",
        "",
    ],
)
def test_urls_that_name_nobody_are_not_judged(url):
    assert url_file_stem(url) is None


@pytest.mark.parametrize("author", ["秦蓉", "", "   ", "-", "\x00\x1b\u200b"])
def test_a_name_without_latin_letters_is_not_judged(author):
    assert names_first_author(author, "Qin_Some_Title_CVPR_2025") is None


def test_a_hostile_url_is_bounded_and_judged_on_its_first_words():
    stem = url_file_stem(f"{CVF}/CVPR2021/html/{'Chen_' * 100_000}X_CVPR_2021_paper.html")
    assert stem is not None
    assert names_first_author("Rong Qin", stem) is False
    # a name is looked for among the first six words only
    assert names_first_author("Rong Qin", "van_" * 2 + "Qin_X") is True
    assert names_first_author("Rong Qin", "van_" * 6 + "Qin_X") is False


def test_on_the_real_catalog_only_the_suspect_entry_is_flagged():
    catalog = load_catalog(REPO / "catalog.yaml")
    found = [f for f in run_rules(catalog, RuleOptions(DEFAULT_VENUE_ALIASES)) if f.rule == "RG111"]
    assert [(f.value, f.title[:20], f.url.split("/")[-1][:5]) for f in found] == [
        ("Rong Qin", "No pains, more gains", "Chen_")
    ]
