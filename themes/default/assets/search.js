// The search page: runs ../search/engine.mjs over this language's index in the browser, offline and
// without any request to another host. Progressive enhancement: without JavaScript the page keeps
// its form and the links to the overviews; with it, results show as the reader types, the number
// of results is announced to screen readers, and the query lives in the address (?q=…&type=…),
// so a search can be bookmarked, shared and reloaded.
const root = document.querySelector("[data-search-index]");
if (root) start(root);

async function start(root) {
  const form = root.querySelector("form");
  const input = form.elements.q;
  const types = root.querySelector(".search-types");
  const status = root.querySelector(".search-status");
  const list = root.querySelector(".search-results");
  const numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  const message = (name, values) =>
    (root.getAttribute("data-msg-" + name) || "").replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
  const labels = {};
  for (const radio of types.querySelectorAll("input[value]")) labels[radio.value] = radio.parentElement.textContent.trim();

  root.querySelector(".search-without-script").hidden = true;
  const start = new URLSearchParams(location.search);
  input.value = start.get("q") || "";

  let search;
  try {
    const indexURL = new URL(root.getAttribute("data-search-index"), location.href);
    const [engine, index] = await Promise.all([
      import(new URL(root.getAttribute("data-search-engine"), location.href).href),
      fetch(indexURL).then((response) => {
        if (!response.ok) throw new Error(`${indexURL}: HTTP ${response.status}`);
        return response.json();
      }),
    ]);
    search = engine.createSearch(index, { baseURL: indexURL.href });
  } catch (error) {
    status.textContent = message("error", {});
    console.error(error);
    return;
  }

  // Offer only the types this language has, and no filter when there is nothing to choose.
  const offered = [...types.querySelectorAll("input[value]")].filter((radio) => {
    const present = radio.value === "" || search.types.includes(radio.value);
    radio.parentElement.hidden = !present;
    return present;
  });
  types.hidden = offered.length <= 2;
  const wanted = offered.find((radio) => radio.value === (start.get("type") || ""));
  if (wanted) wanted.checked = true;

  let latest = 0;
  async function update() {
    const query = input.value.trim();
    const type = form.elements.type.value;
    const address = new URL(location.href);
    query ? address.searchParams.set("q", query) : address.searchParams.delete("q");
    type ? address.searchParams.set("type", type) : address.searchParams.delete("type");
    history.replaceState(null, "", address);
    const run = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    let hits;
    try {
      hits = await search.query(query, { limit: 50, type: type || undefined });
    } catch (error) {
      console.error(error);
      if (run === latest) status.textContent = message("error", {});
      return;
    }
    if (run !== latest) return; // a newer query has started
    list.replaceChildren(...hits.map(render));
    status.textContent = hits.length
      ? message("results", { query, count: numbers.format(hits.length) })
      : message("none", { query });
  }

  function render(hit) {
    const item = document.createElement("li");
    item.className = "search-result type-" + hit.type;
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = hit.url;
    link.textContent = hit.title;
    heading.append(link);
    const kind = document.createElement("p");
    kind.className = "search-result-type";
    kind.textContent = labels[hit.type] || hit.type;
    const excerpt = document.createElement("p");
    excerpt.className = "search-result-excerpt";
    excerpt.innerHTML = hit.excerpt; // the engine escapes the text and adds only <mark>
    item.append(heading, kind, excerpt);
    return item;
  }

  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 200);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    update();
  });
  types.addEventListener("change", update);
  if (input.value) update();
}
