package org.supportintake.server.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * A walk through the page now with the Tab key alone, as a keyboard user goes: the skip link comes first and leads
 * into the main content, every control and link is reached once, in the order of the page, and nothing keeps the
 * focus; each one shows it has the focus (an outline, or a shadow or background it has only then) and is on screen.
 */
final class KeyboardWalk {

    /** Numbers the page's tab stops in document order (one per radio group) and starts the walk before the first. */
    private static final String PREPARE = """
            const stops = [...document.querySelectorAll(
                'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
              .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0
                  && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[inert], details:not([open]) > :not(summary)'))
              .filter((e, i, all) => e.type !== 'radio' || !e.name
                  || e === (all.find(r => r.type === 'radio' && r.name === e.name && r.checked)
                            || all.find(r => r.type === 'radio' && r.name === e.name)));
            const positive = [...document.querySelectorAll('[tabindex]')].filter(e => e.tabIndex > 0)
              .map(e => e.outerHTML.slice(0, 80));
            stops.forEach((e, i) => e.setAttribute('data-walk', i));
            document.activeElement && document.activeElement.blur && document.activeElement.blur();
            const start = document.createElement('span');
            start.id = 'walk-start';
            start.tabIndex = -1;
            document.body.prepend(start);
            start.focus();
            return {count: stops.length, positive: positive};
            """;

    /** What the focused element is and how it looks now. */
    private static final String FOCUSED = """
            const e = document.activeElement;
            const s = getComputedStyle(e);
            const r = e.getBoundingClientRect();
            return {walk: e.getAttribute('data-walk'), name: describe(e), dateParts: /^(date|time|datetime-local|month|week)$/.test(e.type),
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                        && (s.outlineStyle === 'auto' || !/rgba\\(\\d+, \\d+, \\d+, 0\\)/.test(s.outlineColor)),
                    look: s.boxShadow + '|' + s.backgroundColor + '|' + s.color + '|' + s.textDecorationLine,
                    top: r.top, left: r.left, onScreen: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth};
            function describe(e) {
              return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[name=' + e.name + ']' : '')
                  + ' «' + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30) + '»';
            }
            """;

    private KeyboardWalk() {
    }

    /** What a keyboard user would miss on the page now, one line each naming {@code state}; empty when nothing. */
    @SuppressWarnings("unchecked")
    static List<String> problems(ChromeDriver driver, String state) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> prepared = (Map<String, Object>) driver.executeScript(PREPARE);
        int count = ((Number) prepared.get("count")).intValue();
        ((List<String>) prepared.get("positive")).forEach(e -> problems.add(state + ": a positive tabindex reorders the page: " + e));
        Actions keys = new Actions(driver);
        List<Map<String, Object>> seen = new ArrayList<>();
        for (int stop = 0; stop < count; stop++) {
            keys.sendKeys(Keys.TAB).perform();
            Map<String, Object> now = (Map<String, Object>) driver.executeScript(FOCUSED);
            // A date or time input takes one Tab for each of its parts (day, month, year, hours, minutes).
            for (int part = 0; part < 6 && !seen.isEmpty() && now.get("walk") != null
                    && now.get("walk").equals(seen.get(seen.size() - 1).get("walk")) && (Boolean) now.get("dateParts"); part++) {
                keys.sendKeys(Keys.TAB).perform();
                now = (Map<String, Object>) driver.executeScript(FOCUSED);
            }
            seen.add(now);
        }
        driver.executeScript("document.activeElement.blur(); document.getElementById('walk-start').remove();");
        for (int stop = 0; stop < seen.size(); stop++) {
            Map<String, Object> now = seen.get(stop);
            String where = state + ": Tab " + (stop + 1) + " reached " + now.get("name");
            if (!String.valueOf(stop).equals(now.get("walk"))) {
                problems.add(where + " where the page's tab stop " + (stop + 1) + " was expected");
                break;
            }
            String unfocused = (String) driver.executeScript("const s = getComputedStyle(document.querySelector("
                    + "'[data-walk=\"' + arguments[0] + '\"]')); return s.boxShadow + '|' + s.backgroundColor + '|'"
                    + " + s.color + '|' + s.textDecorationLine;", stop);
            if (!(Boolean) now.get("outline") && unfocused.equals(now.get("look"))) {
                problems.add(where + ", which looks the same focused and not");
            }
            if (!(Boolean) now.get("onScreen")) {
                problems.add(where + ", which is off the screen");
            }
            if (stop == 0 && !((String) now.get("name")).contains("Перейти к содержанию")) {
                problems.add(where + " first, not the skip link");
            }
        }
        driver.executeScript("document.querySelectorAll('[data-walk]').forEach(e => e.removeAttribute('data-walk'))");
        return problems;
    }
}
