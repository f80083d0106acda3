// readme-gen's paper list: search, facets, sorting, the state in the URL, copy BibTeX.
// Reads the papers from the page itself (no request: works from file://). Every value is
// set with textContent, never parsed as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($("site-data").textContent);
  const controls = $("controls");
  const query = $("q");
  const sort = $("sort");
  const count = $("count");
  const flat = $("flat");
  const facets = Array.from(document.querySelectorAll("select[data-facet]"));
  const FACETS = facets.map((s) => s.dataset.facet);
  const KEYS = ["q", ...FACETS, "sort"];
  const fold = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  // One record per paper, in list order.
  const papers = Array.from(document.querySelectorAll("li.paper"), (el, order) => {
    let text = "";
    for (const part of el.querySelectorAll(".s")) text += " " + part.textContent;
    return {
      el,
      order,
      text: fold(text),
      title: el.querySelector(".title").textContent,
      when: el.dataset.when || "",
      values: {
        section: el.dataset.section || "",
        venue: el.dataset.venue || "",
        year: (el.dataset.when || "").slice(0, 4),
        tag: el.dataset.tags ? el.dataset.tags.split("|") : [],
      },
      sections: [],
      match: true,
    };
  });
  // Each paper's place in the list (an empty comment, where it goes back), its section and
  // the sections around it: a section shows while one of its papers is shown.
  for (const p of papers) {
    p.place = document.createComment("");
    p.el.before(p.place);
    for (let sec = p.el.closest("section.sec"); sec; sec = sec.parentElement.closest("section.sec")) {
      p.sections.push(sec);
    }
  }
  const list = $("list");
  const sections = Array.from(document.querySelectorAll("section.sec"));
  const options = new Map(
    facets.map((select) => [
      select.dataset.facet,
      Array.from(select.options)
        .slice(1)
        .map((o) => ({ o, label: o.textContent.replace(/ \(\d+\)$/, "") })),
    ]),
  );
  let flatOrder = "";
  // At most `limit` papers are laid out at once: a keystroke then costs the same for 100
  // papers or 10,000. "Show more" raises it; a permalink's paper is always shown.
  const STEP = 200;
  let limit = STEP;
  let pinned = null;
  let on = new Set(papers);
  const sortedBy = new Map();
  const more = $("more");

  function state() {
    const s = { q: query.value, sort: sort.value };
    for (const select of facets) s[select.dataset.facet] = select.value;
    return s;
  }

  function matches(paper, name, wanted) {
    const value = paper.values[name];
    return !wanted || (Array.isArray(value) ? value.includes(wanted) : value === wanted);
  }

  function compare(by) {
    if (by === "title") {
      const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
      return (a, b) => collator.compare(a.title, b.title) || a.order - b.order;
    }
    const sign = by === "newest" ? -1 : 1;
    // papers without a date last either way; list order among equals
    return (a, b) =>
      (!a.when - !b.when) || sign * (a.when < b.when ? -1 : a.when > b.when ? 1 : 0) ||
      a.order - b.order;
  }

  function ordered(by) {
    if (!by) return papers;
    if (!sortedBy.has(by)) sortedBy.set(by, papers.slice().sort(compare(by)));
    return sortedBy.get(by);
  }

  function arrange(by) {
    flat.hidden = !by;
    for (const section of sections) section.classList.toggle("flat", Boolean(by));
    flatOrder = by;
  }

  function apply(s) {
    const terms = fold(s.q).split(/\s+/).filter(Boolean);
    const facetCounts = new Map(FACETS.map((name) => [name, new Map()]));
    let shown = 0;
    for (const p of papers) {
      const found = terms.every((t) => p.text.includes(t));
      const misses = FACETS.filter((name) => !matches(p, name, s[name]));
      // a facet's counts: the papers every other filter lets through
      if (found && misses.length <= 1) {
        for (const name of FACETS) {
          if (misses.length && misses[0] !== name) continue;
          const counts = facetCounts.get(name);
          const value = p.values[name];
          for (const v of Array.isArray(value) ? value : [value]) {
            counts.set(v, (counts.get(v) || 0) + 1);
          }
        }
      }
      p.match = found && !misses.length;
      if (p.match) shown += 1;
    }
    const next = new Set();
    for (const p of ordered(s.sort)) {
      if (next.size >= limit) break;
      if (p.match) next.add(p);
    }
    if (pinned) next.add(pinned);
    // Papers not shown are out of the document, so a keystroke lays out at most `limit`.
    for (const p of on) if (!next.has(p)) p.el.remove();
    if (s.sort) {
      const fragment = document.createDocumentFragment();
      for (const p of next) fragment.appendChild(p.el);
      flat.appendChild(fragment);
    } else {
      for (const p of next) if (!on.has(p) || flatOrder) p.place.after(p.el);
    }
    on = next;
    arrange(s.sort);
    const filtered = terms.length > 0 || FACETS.some((name) => s[name]);
    const everything = !filtered && !s.sort && shown <= limit;
    list.classList.toggle("all", everything); // raw entries and "see" lines too
    const live = new Set();
    for (const p of next) for (const sec of p.sections) live.add(sec);
    for (const section of sections) {
      const hide = !everything && !live.has(section);
      if (section.hidden !== hide) section.hidden = hide;
    }
    more.hidden = shown <= limit;
    for (const [name, list] of options) {
      const counts = facetCounts.get(name);
      for (const { o, label } of list) {
        const text = `${label} (${counts.get(o.value) || 0})`;
        if (o.textContent !== text) o.textContent = text;
      }
    }
    const cut = shown > limit ? ` (the first ${limit} shown)` : "";
    count.textContent = `${shown} of ${data.total} papers${cut}`;
    return shown;
  }

  function encode(s) {
    const params = new URLSearchParams();
    for (const key of KEYS) if (s[key]) params.set(key, s[key]);
    return params.toString();
  }

  function remember(s) {
    const hash = encode(s);
    const url = location.href.split("#")[0] + (hash ? "#" + hash : "");
    if (url === location.href) return;
    try {
      history.replaceState(null, "", url);
    } catch (_) {
      location.replace(url);
    }
  }

  function restore() {
    const hash = location.hash.slice(1);
    if (!hash.includes("=")) return false; // a permalink, not a state
    const params = new URLSearchParams(hash);
    query.value = params.get("q") || "";
    sort.value = params.get("sort") || "";
    if (sort.value !== (params.get("sort") || "")) sort.value = "";
    for (const select of facets) {
      select.value = params.get(select.dataset.facet) || "";
      if (select.selectedIndex < 0) select.value = "";
    }
    return true;
  }

  function update() {
    limit = STEP;
    pinned = null;
    const s = state();
    const shown = apply(s);
    remember(s);
    return shown;
  }

  function clear() {
    query.value = "";
    sort.value = "";
    for (const select of facets) select.value = "";
  }

  // The page's own timing hook (scripts/bench_site.py reads it): one update, measured.
  window.readmeGen = {
    search(text) {
      const start = performance.now();
      query.value = text;
      const shown = update();
      document.body.getBoundingClientRect(); // layout included
      return { ms: performance.now() - start, shown };
    },
  };

  query.addEventListener("input", update);
  for (const select of [...facets, sort]) select.addEventListener("change", update);
  $("clear").addEventListener("click", () => {
    clear();
    update();
    query.focus();
  });
  window.addEventListener("hashchange", () => {
    if (restore()) {
      apply(state());
      return;
    }
    show(location.hash.slice(1));
  });
  more.addEventListener("click", () => {
    limit += 5 * STEP;
    apply(state());
  });

  // A permalink: its paper is shown, filters or not.
  function show(id) {
    const paper = byId.get(id); // not getElementById: a paper not shown is out of the page
    if (!paper || on.has(paper)) return;
    if (!paper.match) clear();
    pinned = paper;
    apply(state());
    paper.el.scrollIntoView();
  }

  const said = $("copied");
  const record = new Map(papers.map((p) => [p.el, p]));
  const byId = new Map(papers.map((p) => [p.el.id, p]));
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.copy");
    if (!button) return;
    const entry = data.bib[record.get(button.closest("li.paper")).order];
    const done = () => {
      said.textContent = "BibTeX copied";
      button.textContent = "Copied";
      setTimeout(() => (button.textContent = "Copy BibTeX"), 1500);
    };
    navigator.clipboard.writeText(entry).then(done, () => {
      said.textContent = "Could not copy: the browser refused the clipboard";
    });
  });

  // "Report a problem": prefilled when the link is about to be used. The title loses what
  // a log or a terminal would act on (controls, bidi), and a mention or reference gets a
  // WORD JOINER, as readme_gen/escape.py does for Markdown; the body holds only our own text.
  const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
  function prefill(link) {
    const li = link.closest("li.paper");
    const title = record.get(li).title.replace(CONTROL, "").replace(/([@#])/g, "$1\u2060");
    const where = data.url ? `${data.url}#${li.id}` : `\`${li.id}\``;
    const body = `Paper: ${where}\n\nWhat is wrong: `;
    const query = `title=${encodeURIComponent("Problem with: " + title.slice(0, 120))}` +
      `&body=${encodeURIComponent(body)}`;
    link.href = `https://github.com/${data.repository}/issues/new?${query}`;
  }
  for (const type of ["focusin", "pointerdown", "mouseover"]) {
    document.addEventListener(type, (event) => {
      const link = event.target.closest && event.target.closest("a.issue");
      if (link && data.repository) prefill(link);
    });
  }
  for (const p of papers) p.el.querySelector("button.copy").hidden = false;
  if (data.repository) {  // each paper's own, prefilled when used (see above)
    for (const copy of papers.map((p) => p.el.querySelector("button.copy"))) {
      const link = document.createElement("a");
      link.className = "issue";
      link.textContent = "Report a problem";
      link.href = `https://github.com/${data.repository}/issues/new`;
      copy.before(link, " ");
    }
  }

  // The report's age, at view time: the page may be read long after it was built.
  const stale = $("stale");
  if (stale && data.checked) {
    const age = Date.now() - Date.parse(data.checked + "T00:00:00Z");
    stale.hidden = age <= 14 * 24 * 3600 * 1000;
  }

  controls.hidden = false;
  list.classList.add("js");
  restore();
  apply(state());
  if (location.hash && !location.hash.includes("=")) show(location.hash.slice(1));
})();
