// Help only: the server decides. Character counters, a file check, focus on the error summary and its links.
(function () {
  "use strict";
  function plural(n) {
    var d = n % 10, h = n % 100;
    if (d === 1 && h !== 11) return "символ";
    if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return "символа";
    return "символов";
  }
  // What the counter says: nothing while the field is empty (the hint already gives the limits), then how many
  // characters are still needed to reach the minimum, how many are left, or how many are too many.
  // Counted composed (NFC), as the server counts: a decomposed «й» is one character.
  function counterText(text, min, max) {
    var length = characters(text), seen = visible(text);
    if (length === 0) return "";
    if (seen < min) return (one(min - seen) ? "Ещё нужен " : "Ещё нужно ") + count(min - seen);
    if (length <= max) return (one(max - length) ? "Остался " : "Осталось ") + count(max - length);
    return (one(length - max) ? "Лишний " : "Лишних ") + count(length - max);
  }
  // The words before the number agree with it as the noun does: «остался 21 символ», «осталось 22 символа».
  function one(n) {
    return plural(n) === "символ";
  }
  function count(n) {
    return n + " " + plural(n);
  }
  // The minimum does not count invisible format characters (zero-width spaces, soft hyphens), as the server does not.
  function visible(text) {
    return characters(text.replace(/\p{Cf}/gu, ""));
  }
  function characters(text) {
    return Array.from(text.normalize("NFC")).length;
  }
  // GOV.UK character count: the visible counter is hidden from screen readers; a separate live region
  // speaks it once typing pauses, so it is not read on every key nor repeated with the hint.
  function counter(field) {
    var max = parseInt(field.getAttribute("data-counter"), 10);
    var min = parseInt(field.getAttribute("data-counter-min") || "0", 10);
    var note = document.createElement("p");
    note.className = "counter";
    note.id = field.id + "-counter";
    note.setAttribute("aria-hidden", "true");
    var spoken = document.createElement("p");
    spoken.className = "visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", note);
    note.insertAdjacentElement("afterend", spoken);
    var timer;
    function update() {
      var length = characters(field.value);
      note.textContent = counterText(field.value, min, max);
      note.classList.toggle("over", length > max || (length > 0 && visible(field.value) < min));
      clearTimeout(timer);
      timer = setTimeout(function () { spoken.textContent = note.textContent; }, 1000);
    }
    field.addEventListener("input", update);
    note.textContent = counterText(field.value, min, max);
    note.classList.toggle("over", characters(field.value) > max);
  }
  function fileCheck(input) {
    var maxFiles = parseInt(input.getAttribute("data-max-files"), 10);
    var maxBytes = parseInt(input.getAttribute("data-max-bytes"), 10);
    var note = document.createElement("p");
    note.className = "counter";
    note.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", note);
    input.addEventListener("change", function () {
      var problems = [];
      if (input.files.length > maxFiles) problems.push("Выбрано файлов: " + input.files.length + ", можно не больше " + maxFiles + ".");
      Array.from(input.files).forEach(function (f) {
        if (f.size > maxBytes) problems.push("Файл «" + f.name + "» больше " + Math.round(maxBytes / 1048576) + " МБ.");
      });
      note.textContent = problems.join(" ");
      note.classList.toggle("over", problems.length > 0);
    });
  }
  // GOV.UK error summary: a link focuses its field and brings the field's label, hint and error into view,
  // instead of scrolling the input itself flush to the top edge.
  // A message about the whole form (a page that went stale) links to the form: focus its first field then.
  function summaryLink(link) {
    link.addEventListener("click", function (event) {
      var target = document.getElementById(link.hash.slice(1));
      if (target && target.tagName === "FORM") target = firstControl(target);
      var field = target && target.closest(".field");
      if (!field) return;
      event.preventDefault();
      field.scrollIntoView({block: "start"});
      target.focus({preventScroll: true});
    });
  }
  function firstControl(form) {
    return Array.from(form.querySelectorAll("input, select, textarea")).find(function (control) {
      return control.type !== "hidden" && !control.closest("[aria-hidden=true]");
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-counter]").forEach(counter);
    document.querySelectorAll("input[type=file][data-max-files]").forEach(fileCheck);
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.querySelectorAll("a[href^='#']").forEach(summaryLink);
      summary.focus();
    }
  });
})();
