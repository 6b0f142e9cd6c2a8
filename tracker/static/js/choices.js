// A long multiple choice (agencies) becomes searchable: a box above it keeps the options
// whose name contains what is typed, accents aside, and a line below it names what is
// chosen. Without this script the list works as it is.
(function () {
  "use strict";
  const fold = (text) =>
    text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase();

  document.querySelectorAll("select[multiple][data-searchable]").forEach((select, index) => {
    const search = document.createElement("input");
    search.type = "search";
    search.className = "choice-search";
    search.id = `${select.id || "chon"}-tim-${index}`;
    search.placeholder = `Gõ để tìm ${select.dataset.searchable}…`;
    search.setAttribute("aria-label", `Tìm ${select.dataset.searchable} trong danh sách`);
    search.setAttribute("aria-controls", select.id);
    const chosen = document.createElement("p");
    chosen.className = "choice-summary muted";
    chosen.setAttribute("aria-live", "polite");

    const showChosen = () => {
      const names = Array.from(select.selectedOptions, (option) => option.text);
      chosen.textContent = names.length ? `Đã chọn (${names.length}): ${names.join("; ")}` : "Chưa chọn.";
    };
    search.addEventListener("input", () => {
      const wanted = fold(search.value.trim());
      for (const option of select.options) {
        option.hidden = wanted !== "" && !fold(option.text).includes(wanted) && !option.selected;
      }
    });
    select.addEventListener("change", showChosen);
    select.before(search);
    select.after(chosen);
    showChosen();
  });
})();
