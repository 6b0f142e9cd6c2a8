// The "Văn bản" field of the filter forms suggests notices as one types: the latest
// notices whose number contains what is typed, asked of the server (which knows which
// notices the user may see). Without this script the field still works: what is typed is
// read by the server when the form is sent.
(function () {
  "use strict";
  document.querySelectorAll("input[data-suggest]").forEach((field) => {
    const list = document.getElementById(field.getAttribute("list"));
    let asked = null;
    let pending = null;

    const suggest = async () => {
      const wanted = field.value.trim();
      if (wanted === asked) return;
      asked = wanted;
      if (pending) pending.abort();
      pending = new AbortController();
      try {
        const url = `${field.dataset.suggest}?q=${encodeURIComponent(wanted)}`;
        const response = await fetch(url, { signal: pending.signal, credentials: "same-origin" });
        if (!response.ok) return;
        const { notices } = await response.json();
        list.replaceChildren(...notices.map((label) => new Option(label, label)));
      } catch (error) {
        if (error.name !== "AbortError") asked = null; // asked again at the next key
      }
    };
    let timer = null;
    field.addEventListener("focus", suggest);
    field.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(suggest, 150);
    });
  });
})();
