"""The one venue table: every spelling a source writes names the list's venue, and a year
inside the text moves to the year field."""

from __future__ import annotations

import pytest

from readme_gen.venues import VENUES, full_venue, name_venue, preprint_host, preprint_server

CASES = [
    ("CVPR", "CVPR", None),
    ("CVPR 2023", "CVPR", 2023),
    ("Proc. CVPR'23", "CVPR", 2023),
    ("Proc. CVPR ’23", "CVPR", 2023),
    (
        "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition",
        "CVPR",
        None,
    ),
    ("IEEE Conference on Computer Vision and Pattern Recognition", "CVPR", None),
    ("2023 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)", "CVPR", 2023),
    ("Computer Vision and Pattern Recognition", "CVPR", None),  # Semantic Scholar's name
    ("Advances in Neural Information Processing Systems", "NeurIPS", None),
    ("Advances in Neural Information Processing Systems 35 (NeurIPS 2022)", "NeurIPS", 2022),
    ("NIPS", "NeurIPS", None),
    ("NeurIPS 2022 (Oral)", "NeurIPS", 2022),
    ("Accepted to NeurIPS 2023 as a spotlight", "NeurIPS", 2023),
    ("Accepted by CVPR 2023", "CVPR", 2023),
    ("Computer Vision – ECCV 2022", "ECCV", 2022),
    ("European Conference on Computer Vision", "ECCV", None),
    ("2021 IEEE/CVF International Conference on Computer Vision (ICCV)", "ICCV", 2021),
    ("IEEE/CVF Winter Conference on Applications of Computer Vision (WACV)", "WACV", None),
    ("British Machine Vision Conference", "BMVC", None),
    ("2024 International Conference on 3D Vision (3DV)", "3DV", 2024),
    ("International Conference on Learning Representations", "ICLR", None),
    ("ICLR 2021 camera ready", "ICLR", 2021),
    ("Proceedings of the 40th International Conference on Machine Learning", "ICML", None),
    ("Proceedings of the AAAI Conference on Artificial Intelligence", "AAAI", None),
    ("International Joint Conference on Artificial Intelligence", "IJCAI", None),
    ("Annual Meeting of the Association for Computational Linguistics", "ACL", None),
    (
        "Proceedings of the 2023 Conference on Empirical Methods in Natural Language Processing",
        "EMNLP",
        2023,
    ),
    ("NAACL-HLT 2019", "NAACL", 2019),
    ("Medical Image Computing and Computer Assisted Intervention – MICCAI 2023", "MICCAI", 2023),
    ("Medical Imaging with Deep Learning", "MIDL", None),
    ("Proceedings of the 31st ACM International Conference on Multimedia", "ACM MM", None),
    ("ACM SIGKDD Conference on Knowledge Discovery and Data Mining", "KDD", None),
    ("ACM Transactions on Graphics (Proc. SIGGRAPH 2023)", "SIGGRAPH", 2023),
    (
        "IEEE Transactions on Pattern Analysis and Machine Intelligence, vol. 45, no. 3, pp. 2019-2030, 2023",
        "TPAMI",
        2023,
    ),
    ("IEEE Trans. Pattern Anal. Mach. Intell.", "TPAMI", None),
    ("International Journal of Computer Vision", "IJCV", None),
    ("IEEE Transactions on Image Processing", "TIP", None),
    ("IEEE Transactions on Medical Imaging", "TMI", None),
    ("Transactions on Machine Learning Research", "TMLR", None),
    ("Journal of Machine Learning Research", "JMLR", None),
    ("Medical Image Analysis 2023, 102345", "Medical Image Analysis", 2023),
    ("medical image analysis", "Medical Image Analysis", None),
    ("Nature", "Nature", None),
    ("Science", "Science", None),
    ("arXiv preprint arXiv:2106.01234", "arXiv", None),
    ("CoRR", "arXiv", None),
    ("bioRxiv", "bioRxiv", None),
    # not the main venue: kept as written, without the year
    ("CVPR 2023 Workshops", "CVPR Workshops", 2023),
    ("Findings of EMNLP 2023", "Findings of EMNLP", 2023),
    ("Workshop on Foo 2023", "Workshop on Foo", 2023),
    ("Science Robotics", "Science Robotics", None),
]


@pytest.mark.parametrize(("text", "venue", "year"), CASES)
def test_every_spelling_names_the_venue_and_moves_its_year(text, venue, year):
    named = name_venue(text)
    assert (named.venue, named.year) == (venue, year)


def test_the_lists_own_names_and_alias_table_come_first():
    # the list writes MM and NIPS; its alias table names ACM MM and NeurIPS
    full = "ACM International Conference on Multimedia"
    assert name_venue(full, known=["MM"]).venue == "ACM MM"
    assert name_venue(full, aliases={}, known=["MM"]).venue == "MM"
    assert (
        name_venue("Advances in Neural Information Processing Systems", known=["NIPS"]).venue
        == "NeurIPS"
    )
    assert (
        name_venue(
            "Advances in Neural Information Processing Systems", aliases={"NIPS": ("NeurIPS",)}
        ).venue
        == "NIPS"
    )
    assert (
        name_venue("international journal of computer vision", known=["Int. J. Comput. Vis."]).venue
        == "Int. J. Comput. Vis."
    )


def test_hostile_venue_text_is_bounded():
    named = name_venue("x" * 100_000 + " CVPR 2023")
    assert len(named.venue) <= 500


def test_full_venue_for_bibtex():
    assert full_venue("CVPR") == (
        "conference",
        "IEEE/CVF Conference on Computer Vision and Pattern Recognition",
    )
    assert full_venue("NIPS") == ("conference", "Advances in Neural Information Processing Systems")
    assert full_venue("PAMI") == (
        "journal",
        "IEEE Transactions on Pattern Analysis and Machine Intelligence",
    )
    assert full_venue("Medical Image Analysis") == ("journal", "Medical Image Analysis")
    assert full_venue("Foo Workshop") is None
    assert full_venue("") is None


def test_every_built_in_venue_resolves_to_itself():
    for entry in VENUES:
        for spelling in (entry.name, entry.full, *entry.variants):
            assert name_venue(spelling).venue == entry.name, spelling
            assert full_venue(spelling) == (entry.kind, entry.full), spelling


@pytest.mark.parametrize(
    ("venue", "server"),
    [("arXiv", "arXiv"), ("arxiv preprint", "arXiv"), ("CoRR", "arXiv"), ("medRxiv", "medRxiv"),
     ("Research Square", "Research Square"), ("SSRN Electronic Journal", "SSRN"),
     ("arXiv.org", "arXiv"), ("medRxiv : the preprint server for health sciences", "medRxiv"),
     ("CVPR", None), ("", None), ("Research", None)],
)  # fmt: skip
def test_preprint_servers(venue, server):
    assert preprint_server(venue) == server


def test_preprint_hosts():
    assert preprint_host("https://www.biorxiv.org/content/10.1101/2023.01.01.1v1") == "bioRxiv"
    assert preprint_host("https://papers.ssrn.com/sol3/papers.cfm?abstract_id=1") == "SSRN"
    assert preprint_host("https://notarxiv.org/abs/1") is None
    assert preprint_host("https://arxiv.org.evil.com/abs/1") is None
