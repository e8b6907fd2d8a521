package org.supportintake.server.it;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a screen reader user relies on beyond axe-core's rules, on the page now: the page's language, one main heading
 * and no level skipped, the landmarks, a skip link into the main content, every error message tied to its control,
 * and English text marked as English so that it is not read out with Russian sounds.
 */
final class PageOutline {

    private static final String CHECK = """
            const problems = [];
            if (document.documentElement.lang !== 'ru') problems.push('<html lang> is «' + document.documentElement.lang + '», not «ru»');
            if (!document.title.trim()) problems.push('no title');
            const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];
            const ones = headings.filter(h => h.tagName === 'H1').length;
            if (ones !== 1) problems.push(ones + ' h1 headings');
            headings.reduce((level, h) => {
              const next = +h.tagName[1];
              if (next > level + 1) problems.push('heading «' + h.textContent.trim().slice(0, 40) + '» is h' + next + ' after h' + level);
              return next;
            }, 0);
            if (headings.length && headings[0].tagName !== 'H1') problems.push('the first heading is ' + headings[0].tagName);
            const mains = document.querySelectorAll('main');
            if (mains.length !== 1) problems.push(mains.length + ' main landmarks');
            if (!document.querySelector('body > header')) problems.push('no banner (header)');
            if (!document.querySelector('body > footer')) problems.push('no contentinfo (footer)');
            const skip = document.querySelector('a.skip-link');
            if (!skip || !mains.length || skip.getAttribute('href') !== '#' + mains[0].id) problems.push('no skip link to the main content');
            document.querySelectorAll('.error-message').forEach(m => {
              const tied = m.id && [...document.querySelectorAll('[aria-describedby]')]
                  .some(c => c.getAttribute('aria-describedby').split(/\\s+/).includes(m.id));
              if (!tied) problems.push('error «' + m.textContent.trim().slice(0, 50) + '» is tied to no control by aria-describedby');
            });
            document.querySelectorAll('[aria-invalid=true]').forEach(c => {
              const ids = (c.getAttribute('aria-describedby') || '').split(/\\s+/);
              if (!ids.some(id => document.getElementById(id)?.classList.contains('error-message')))
                problems.push((c.id || c.name) + ' is invalid without its error message in aria-describedby');
            });
            document.querySelectorAll('[required]').forEach(c => {
              if (c.getAttribute('aria-required') === 'false') problems.push((c.id || c.name) + ' is required but says it is not');
            });
            // Nothing moves by itself: a person with a vestibular disorder asks for reduced motion, and there is none.
            [...document.querySelectorAll('*')].filter(e => {
              const s = getComputedStyle(e);
              return s.animationName !== 'none' || s.transitionDuration.split(',').some(d => parseFloat(d) > 0)
                  || s.scrollBehavior === 'smooth';
            }).slice(0, 3).forEach(e => problems.push(e.tagName.toLowerCase() + '.' + e.className + ' moves (animation, transition or smooth scrolling)'));
            // Three English words in a row (not all capitals: format names) outside code, a raw mail or an element marked English: read as Russian.
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const owner = node.parentElement;
              if (owner.closest('pre, code, script, style, textarea') || !owner.closest('[lang]').lang.startsWith('ru')) continue;
              const english = [...node.data.matchAll(/(?<![&#\\w.@-])[A-Za-z]+(?:['-][A-Za-z]+)*(?:(?:[ \\t\\n,:;()\\d]|\\.(?=\\s))+[A-Za-z]+(?:['-][A-Za-z]+)*){2,}/g)]
                  .map(m => m[0]).find(m => /[a-z]{2}/.test(m));
              if (english) problems.push('English «' + english.slice(0, 60) + '» in ' + owner.tagName.toLowerCase()
                  + (owner.className ? '.' + owner.className : '') + ' without lang="en"');
            }
            return problems;
            """;

    private PageOutline() {
    }

    /** The page's outline problems, one line each naming {@code state}; empty when there are none. */
    @SuppressWarnings("unchecked")
    static List<String> problems(ChromeDriver driver, String state) {
        return ((List<String>) driver.executeScript(CHECK)).stream().map(problem -> state + ": " + problem).toList();
    }

    /**
     * Titles that two or more states share, naming them: a state of its own says so in its title. States {@code alike}
     * (two ways to one outcome, such as two forms with errors) may share one.
     */
    @SafeVarargs
    static List<String> sharedTitles(Map<String, String> titles, Set<String>... alike) {
        titles.forEach((state, title) -> System.out.println("title of " + state + ": " + title));
        return titles.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toList())))
                .entrySet().stream().filter(shared -> shared.getValue().size() > 1)
                .filter(shared -> Arrays.stream(alike).noneMatch(group -> group.containsAll(shared.getValue())))
                .map(shared -> "states " + shared.getValue() + " share the title «" + shared.getKey() + "»").toList();
    }
}
