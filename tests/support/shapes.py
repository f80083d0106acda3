"""Lists of our own in the three shapes the field uses, with the seed's papers: the hard
details of real lists (prose, badges, a hand-written TOC, nesting, odd entries) reproduced
in structure, never copied."""

from __future__ import annotations

PAPERS = [
    (
        "No pains, more gains: Recycling sub-salient patches for efficient high-resolution image recognition",
        "Rong Qin, Xin Liu, Xingyu Liu",
        "CVPR",
        "2025",
        "https://openaccess.thecvf.com/a.html",
        "https://github.com/q/npmg",
    ),
    (
        "Pushing the Limits of Gradient Descent for Efficient Learning on Large Images",
        "Deepak K. Gupta, Gowreesh Mago",
        "TMLR",
        "2024",
        "https://openreview.net/forum?id=6dS1jhdemD",
        "",
    ),
    (
        "Gigapixel end-to-end training using streaming and attention",
        "Stephan Dooper, Hans Pinckaers, Geert Litjens",
        "Medical Image Analysis",
        "2023",
        "https://www.sciencedirect.com/science/article/pii/S136184152300141X",
        "",
    ),
    (
        "Task-Specific Fine-Tuning via Variational Information Bottleneck",
        "Honglin Li, Chenglu Zhu",
        "CVPR",
        "2023",
        "https://openaccess.thecvf.com/b.html",
        "https://github.com/h/tsft",
    ),
    (
        "Efficient Classification of Very Large Images with Tiny Objects",
        "Fanjie Kong, Ricardo Henao",
        "CVPR",
        "2022",
        "https://openaccess.thecvf.com/c.html",
        "https://github.com/f/zoom",
    ),
    (
        "Differentiable Patch Selection for Image Recognition",
        "Jean-Baptiste Cordonnier, Aravindh Mahendran",
        "CVPR",
        "2021",
        "https://openaccess.thecvf.com/d.html",
        "https://github.com/j/dps",
    ),
    (
        "Cluster-to-Conquer: A Framework for End-to-End Multi-Instance Learning",
        "Yash Sharma, Aman Shrivastava",
        "MIDL",
        "2021",
        "https://proceedings.mlr.press/v143/sharma21a.html",
        "",
    ),
    (
        "Hard-Attention for Scalable Image Classification",
        "Athanasios Papadopoulos, Paweł Korus, Nasir Memon",
        "NeurIPS",
        "2021",
        "https://proceedings.neurips.cc/e.html",
        "https://github.com/a/tnet",
    ),
]


def bullets() -> str:
    """Shape B: one-line bullets under nested headings, a TOC, prose and an odd entry."""
    out = [
        "# Awesome High-Resolution [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
        "",
        "A list of papers. Contributions welcome!",
        "",
        "## Table of Contents",
        "- [Recognition](#recognition)",
        "  - [Whole slides](#whole-slides)",
        "",
        "## Recognition",
        "",
    ]
    for title, authors, venue, year, url, code in PAPERS[:5]:
        extra = f" | [code]({code})" if code else ""
        out.append(f"- [{title}]({url}), {authors}, {venue} {year}{extra}")
    out += ["", "### Whole slides", ""]
    for title, authors, venue, year, url, code in PAPERS[5:]:
        extra = f" | [code]({code})" if code else ""
        out.append(f"- [{title}]({url}), {authors}, {venue} {year}{extra}")
    out.append("- [An entry that breaks the pattern](https://a.example/odd) (workshop, no year)")
    out += ["", "## License", "", "CC0, see [LICENSE](LICENSE).", ""]
    return "\n".join(out)


def table() -> str:
    """Shape T: a table of the list's own columns, a placeholder for no code, tight pipes."""
    out = [
        '<p align="center"><img src="logo.png" width="200"></p>',
        "",
        "# High-Resolution Papers",
        "",
        "| Title | Venue | Date | Code |",
        "|:--|:--:|:--:|:--:|",
    ]
    for n, (title, _authors, venue, year, url, code) in enumerate(PAPERS):
        code_cell = f"[Github]({code})" if code else "-"
        out.append(
            f"| [**{title}**]({url}) | {venue} | {year}-0{n % 9 + 1}-1{n % 9} | {code_cell} |"
        )
    out += ["", "## Citation", "", "```bibtex", "@misc{list, title={A list}}", "```", ""]
    return "\n".join(out)


def blocks() -> str:
    """Shape M: multi-line blocks with hard breaks, separated by blank lines."""
    out = ["# Papers", "", "## Recognition", ""]
    for n, (title, authors, venue, year, url, code) in enumerate(PAPERS):
        links = f"[[Paper]({url})]" + (f" [[Github]({code})]" if code else "")
        out += [
            f"**{title}** \\",
            f"*{authors}* \\",
            f"{venue} {year}. {links} \\",
            f"{n + 1} Oct {year}",
            "",
        ]
    return "\n".join(out)
