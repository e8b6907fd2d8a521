// Help only: the server decides. Character counters, a file check, focus on the error summary.
(function () {
  "use strict";
  function plural(n) {
    var d = n % 10, h = n % 100;
    if (d === 1 && h !== 11) return "символ";
    if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return "символа";
    return "символов";
  }
  function counter(field) {
    var max = parseInt(field.getAttribute("data-counter"), 10);
    var note = document.createElement("p");
    note.className = "counter";
    note.id = field.id + "-counter";
    note.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", note);
    field.setAttribute("aria-describedby", (field.getAttribute("aria-describedby") || "") + " " + note.id);
    function update() {
      var left = max - Array.from(field.value).length;
      note.textContent = left >= 0 ? "Осталось " + left + " " + plural(left) : "Лишних " + (-left) + " " + plural(-left);
      note.classList.toggle("over", left < 0);
    }
    field.addEventListener("input", update);
    update();
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
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-counter]").forEach(counter);
    document.querySelectorAll("input[type=file][data-max-files]").forEach(fileCheck);
    var summary = document.getElementById("error-summary");
    if (summary) summary.focus();
  });
})();
