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
      shown: true,
    };
  });
  const others = Array.from(document.querySelectorAll("li.raw, li.see"));
  const sections = Array.from(document.querySelectorAll("section.sec"));
  const lists = Array.from(document.querySelectorAll("#list ol.papers:not(#flat)"), (ol) => ({
    ol,
    children: Array.from(ol.children),
  }));
  const options = new Map(
    facets.map((select) => [
      select.dataset.facet,
      Array.from(select.options)
        .slice(1)
        .map((o) => ({ o, label: o.textContent.replace(/ \(\d+\)$/, "") })),
    ]),
  );
  let flatOrder = "";

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

  function arrange(by) {
    if (by === flatOrder) return;
    if (by) {
      const sorted = papers.slice().sort(compare(by));
      const fragment = document.createDocumentFragment();
      for (const p of sorted) fragment.appendChild(p.el);
      flat.appendChild(fragment);
    } else {
      for (const { ol, children } of lists) for (const child of children) ol.appendChild(child);
    }
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
      const show = found && !misses.length;
      if (show !== p.shown) {
        p.el.hidden = !show;
        p.shown = show;
      }
      if (show) shown += 1;
    }
    arrange(s.sort);
    const filtered = terms.length > 0 || FACETS.some((name) => s[name]);
    const hideOthers = filtered || Boolean(s.sort);
    for (const el of others) if (el.hidden !== hideOthers) el.hidden = hideOthers;
    for (const section of sections) {
      const hide = filtered && !s.sort && !section.querySelector("li.paper:not([hidden])");
      if (section.hidden !== hide) section.hidden = hide;
    }
    for (const [name, list] of options) {
      const counts = facetCounts.get(name);
      for (const { o, label } of list) {
        const text = `${label} (${counts.get(o.value) || 0})`;
        if (o.textContent !== text) o.textContent = text;
      }
    }
    count.textContent = `${shown} of ${data.total} papers`;
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
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.classList.contains("paper") && target.hidden) {
      clear();
      apply(state());
      target.scrollIntoView();
    }
  });

  // Copy BibTeX: the entry as `readme-gen export --format bibtex` writes it.
  const said = $("copied");
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button.copy");
    if (!button) return;
    const entry = button.closest("li.paper").querySelector(".bib pre").textContent;
    const done = () => {
      said.textContent = "BibTeX copied";
      button.textContent = "Copied";
      setTimeout(() => (button.textContent = "Copy BibTeX"), 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(entry).then(done, () => {
        said.textContent = "Could not copy: open BibTeX below and copy it from there";
      });
    }
  });
  for (const button of document.querySelectorAll("button.copy")) button.hidden = false;

  // The report's age, at view time: the page may be read long after it was built.
  const stale = $("stale");
  if (stale && data.checked) {
    const age = Date.now() - Date.parse(data.checked + "T00:00:00Z");
    stale.hidden = age <= 14 * 24 * 3600 * 1000;
  }

  controls.hidden = false;
  restore();
  apply(state());
})();
