// The handout laid out into pages in the page itself, before each print (generator/publish/pdf/handout.py).
//
// A page's scripts cannot see where Chromium's print breaks the pages, but a box of columns each as
// wide and as high as a page's content box breaks its columns by the same rules (break-before/after/
// inside, orphans, widows), with the same layout engine. So the booklet but its cover (page 1) is laid
// out as such columns, one column a page, and read:
//
// 1. Each part starts a new page only when the page where the part before ends is well used (at
//    least `wellUsed` of its height); otherwise it flows on. The worksheets each take a page.
// 2. No heading is the last thing on a page: where one is, it starts the next page.
// 3. No page but the last is used less than `leastUsed`: where a block kept whole (break-inside:
//    avoid) or a heading moved on left a page that empty, they may break.
// 4. Each page is named for the part at its top (its running head): Chromium names a page by the
//    named page (CSS `page`) of its first box, and starts a new page wherever that name changes, so
//    the names change exactly where a page starts: at a part that starts a page, or at the block
//    that starts the first page a flowing part has to itself (moved whole to it where it would
//    break there).
// 5. Every page number is filled in: the contents', and "(page N)" after every link within the
//    booklet. Where the numbers' own width moves a page break, it is all laid out again.
//
// Then the columns are put away, the breaks chosen are forced page breaks, and the page prints as
// laid out here; the caller checks the printed PDF's pages against the page numbers returned (by
// the id each names). Every
// style set here is undone by `guideHandoutUndo()`, for the next paper size. The page's own scripts
// are off while it prints, so nothing here hands the DOM a function to call (no TreeWalker filter).
({paperWidth, paperHeight, wellUsed, leastUsed}) => {
    const root = document.querySelector('.guide-handout');
    const cover = root.querySelector('.guide-handout__cover');
    const parts = [...root.children].filter(el => el.dataset.part);
    const mm = 96 / 25.4;
    const margins = pageMargins();
    const width = paperWidth - margins.left - margins.right, height = paperHeight - margins.top - margins.bottom;
    const pageWords = root.dataset.pageWords || 'page {number}';
    const changed = [], forced = new Set(), settled = new Set();  // settled: breaks given up for a fuller page
    let spread = 0, spreadable = null, flowTried = false;  // the part before the worksheets: how much further apart (em)
    let known = null;  // the layout as last measured, until a style is set
    const set = (el, property, value) => {
        changed.push([el, property, el.style.getPropertyValue(property), el.style.getPropertyPriority(property)]);
        el.style.setProperty(property, value, 'important');
        known = null;
    };
    window.guideHandoutUndo = () => {
        for (const [el, property, value, priority] of changed.reverse()) {
            if (value) el.style.setProperty(property, value, priority); else el.style.removeProperty(property);
        }
        changed.length = 0;
        known = null;
    };
    const force = (el, on) => {
        if (on === forced.has(el)) return;
        on ? forced.add(el) : forced.delete(el);
        set(el, 'break-before', on ? 'column' : 'auto');
    };
    // A part starts a page, or flows on, set apart from the part before.
    const startsPage = (part, on) => {
        if (on === forced.has(part)) return;  // as it is: nothing to lay out again
        force(part, on);
        set(part, 'margin-top', on ? '0' : '8mm');
    };
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);

    // Every link within the booklet gets a place for its page number (once, for both papers).
    for (const link of root.querySelectorAll('a[href^="#"]')) {
        const id = decodeURIComponent(link.getAttribute('href').slice(1));
        if (!id || !document.getElementById(id) || link.matches('.headerlink') || !link.getClientRects().length
            || link.closest('.guide-handout__cover, .guide-handout__contents')
            || link.querySelector('.guide-handout__pageno') || link.nextElementSibling?.matches('.guide-handout__ref')) continue;
        const number = document.createElement('span');
        number.className = 'guide-handout__ref';
        number.dataset.target = id;
        number.textContent = ' (' + pageWords.replace('{number}', '00') + ')';
        link.after(number);
    }
    const placeholders = [...root.querySelectorAll('.guide-handout__pageno[data-target], .guide-handout__ref')];

    // Laid out from the start (1-4), the page numbers filled in (5); again, with those numbers in
    // place, only where their width moved a page's first line. Digits are as wide as each other, so
    // that is rare: the numbers are first filled in from the parts as they fall before any is laid
    // out, which gives each its number of digits.
    begin();
    fill(pageNumbers());
    let numbers;
    for (let round = 0; ; round++) {
        layOut();
        const before = pageTops();
        numbers = pageNumbers();
        fill(numbers);
        if (round === 2 || (pageTops() === before && JSON.stringify(pageNumbers()) === JSON.stringify(numbers))) break;
        window.guideHandoutUndo();
        begin();
    }
    for (const el of forced) set(el, 'break-before', 'page');
    for (const property of ['column-width', 'column-gap', 'column-fill', 'width', 'height', 'margin', 'padding', 'max-width']) {
        root.style.removeProperty(property);
    }
    cover.style.removeProperty('display');
    return numbers;

    // The columns: as wide and high as a page's content box, the cover out of the way; the parts'
    // page breaks (the stylesheet's only forced ones, handout.css) column breaks.
    function begin() {
        forced.clear();
        settled.clear();
        spread = 0;
        spreadable = null;
        flowTried = false;
        set(cover, 'display', 'none');
        for (const [property, value] of [['column-width', `${width}mm`], ['column-gap', '0'], ['column-fill', 'auto'],
                                         ['width', `${width}mm`], ['height', `${height}mm`], ['margin', '0'],
                                         ['padding', '0'], ['max-width', 'none']]) set(root, property, value);
        for (const part of parts) force(part, true);
    }

    function fill(found) {
        for (const span of placeholders) {
            const number = found[span.dataset.target];
            const text = number === undefined ? '' : span.matches('.guide-handout__ref')
                ? ' (' + pageWords.replace('{number}', number) + ')' : String(number);
            if (span.textContent !== text) { span.textContent = text; known = null; }
        }
    }

    function layOut() {
        // 1
        for (const [k, part] of parts.entries()) force(part, k === 0 || part.matches('.guide-sheet'));
        for (let k = 1; k < parts.length; k++) {
            const before = parts[k - 1];
            // A worksheet has a page to itself, unless the one before ran over a page (too long to
            // fit): then it follows on from that sheet's last page as a part does, if it fits there.
            if (parts[k].matches('.guide-sheet') && !(before.matches('.guide-sheet') && spans(before))) continue;
            const end = lineOf(before, 'last');
            startsPage(parts[k], !(end && end.bottom < wellUsed));
            if (parts[k].matches('.guide-sheet') && !forced.has(parts[k]) && spans(parts[k])) startsPage(parts[k], true);
        }
        for (let pass = 0; pass < 40; pass++) {  // 2, 3 and 4, until none has more to do
            if (keepHeadings() || fillSparsePages() || settleBeforeSheets()) continue;
            if (nameThePages()) break;
        }
    }

    // Each page's first line (which text, which of its lines): where the pages break.
    function pageTops() {
        const layout = measure(), tops = [];
        for (const [index, line] of layout.lines.entries()) {
            if (!index || layout.lines[index - 1].column !== line.column) tops.push([line.at, line.column]);
        }
        return JSON.stringify(tops);
    }

    // Every line of text, in order, with its page (column, from 0) and how far down that page it ends
    // (a share of the page's height); where each text node's lines start; the pages' last lines.
    function measure() {
        if (known) return known;
        const box = root.getBoundingClientRect(), lines = [], start = new Map(), range = document.createRange();
        texts.currentNode = root;
        let count = 0;
        for (let node = texts.nextNode(); node; node = texts.nextNode(), count++) {
            if (!node.data.trim()) continue;
            range.selectNodeContents(node);
            for (const rect of range.getClientRects()) {
                if (rect.height <= 0) continue;
                if (!start.has(node)) start.set(node, lines.length);
                lines.push({node, at: [count, lines.length - start.get(node)],
                            column: Math.floor(((rect.left + rect.right) / 2 - box.left) / (width * mm)),
                            bottom: (rect.bottom - box.top) / (height * mm)});
            }
        }
        const used = [];
        for (const line of lines) used[line.column] = Math.max(used[line.column] ?? 0, line.bottom);
        // The first line at or after the start of ``el`` (its own first line, or the next one's).
        const first = el => {
            if (el === null) return lines.length;
            texts.currentNode = el;
            for (let node = el.nodeType === Node.TEXT_NODE ? el : texts.nextNode(); node; node = texts.nextNode()) {
                if (start.has(node)) return start.get(node);
            }
            return lines.length;
        };
        // The last line within ``el``, or -1.
        const last = el => {
            const next = first(following(el));
            const candidate = next - 1;
            return candidate >= 0 && el.contains(lines[candidate].node) ? candidate : -1;
        };
        return known = {lines, used, first, last};
    }

    // The first or last line of ``el``: its page (column) and how far down that page it ends (a share
    // of the page's height); null if it has none.
    function lineOf(el, which) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), range = document.createRange();
        const box = root.getBoundingClientRect();
        const step = which === 'last' ? () => walker.previousNode() : () => walker.nextNode();
        for (let node = which === 'last' ? walker.lastChild() : walker.nextNode(); node; node = step()) {
            if (!node.data.trim()) continue;
            range.selectNodeContents(node);
            const rects = [...range.getClientRects()].filter(rect => rect.height > 0);
            if (!rects.length) continue;
            const rect = rects[which === 'last' ? rects.length - 1 : 0];
            return {column: Math.floor(((rect.left + rect.right) / 2 - box.left) / (width * mm)),
                    bottom: (rect.bottom - box.top) / (height * mm)};
        }
        return null;
    }

    // Whether ``el`` runs over more than one page.
    function spans(el) {
        const first = lineOf(el, 'first'), last = lineOf(el, 'last');
        return first && last && first.column !== last.column;
    }

    // The node just after ``el`` and all it holds, in document order (null at the end).
    function following(el) {
        for (let node = el; node && node !== root; node = node.parentNode) {
            if (node.nextSibling) return node.nextSibling;
        }
        return null;
    }

    function keepHeadings() {
        const layout = measure();
        for (const heading of root.querySelectorAll(':is(h1, h2, h3, h4, h5, h6):not(.guide-sheet *)')) {
            const own = layout.last(heading);
            const next = layout.lines[layout.first(following(heading))];
            if (own >= 0 && next && next.column > layout.lines[own].column && !forced.has(heading) && !settled.has(heading)) {
                force(heading, true);
                return true;
            }
        }
        return false;
    }

    function fillSparsePages() {
        const layout = measure();
        const lastPage = layout.used.length - 1;
        for (let column = 0; column < lastPage; column++) {
            if ((layout.used[column] ?? 0) >= leastUsed) continue;
            const top = layout.lines.findIndex(line => line.column === column + 1);
            if (top < 0) continue;
            const begins = el => layout.lines[layout.first(el)]?.column === column + 1;
            // The next page starts a part that starts a page (a worksheet): nothing of it can move up.
            const next = parts.find(part => part.contains(layout.lines[top].node));
            if (forced.has(next) && begins(next)) continue;
            let loosened = false;
            for (let el = layout.lines[top].node.parentElement; el && !el.dataset.part; el = el.parentElement) {
                if (forced.has(el) && begins(el)) { force(el, false); settled.add(el); loosened = true; }
            }
            // The first block kept whole that begins the next page may break.
            for (let k = top; k < layout.lines.length && layout.lines[k].column === column + 1 && !loosened; k++) {
                let whole = null;
                for (let el = layout.lines[k].node.parentElement; el && !el.dataset.part; el = el.parentElement) {
                    if (/avoid/.test(getComputedStyle(el).breakInside) && begins(el)) whole = el;
                }
                if (whole) { set(whole, 'break-inside', 'auto'); loosened = true; }
            }
            if (loosened) return true;
        }
        return false;
    }

    // Where the part before the worksheets ends: a sparse page there may not be filled from the
    // next page (a worksheet has a page to itself), so the part flows on from the one before if it
    // started a page, else its paragraphs and list items are set a little further apart, step by
    // step, until its last page is used enough. True when something changed.
    function settleBeforeSheets() {
        const k = parts.findIndex(part => part.matches('.guide-sheet')) - 1;
        const sparse = () => {
            const end = lineOf(parts[k], 'last');
            return end && end.bottom < leastUsed;
        };
        if (k < 1 || !sparse()) return false;
        if (forced.has(parts[k]) && !flowTried) {
            flowTried = true;
            startsPage(parts[k], false);
            if (!sparse()) return true;
            startsPage(parts[k], true);
        }
        if (spread >= 2) return false;
        spread += 0.25;
        for (const block of spreadable ??= [...parts[k].querySelectorAll('p, li')].map(el => [el, getComputedStyle(el).marginBottom])) {
            set(block[0], 'margin-bottom', `calc(${block[1]} + ${spread}em)`);
        }
        return true;
    }

    // Each page named for the part at its top; false when a block had to move to make that so.
    function nameThePages() {
        const layout = measure(), points = [];
        let name = null;
        for (const [index, line] of layout.lines.entries()) {
            if (index && layout.lines[index - 1].column === line.column) continue;  // the first line of each page
            const part = parts.find(p => p.contains(line.node));
            if (part.dataset.part === name) continue;
            name = part.dataset.part;
            const starts = el => layout.first(el) === index;
            let block = line.node.parentElement;  // the outermost block the page's first line begins
            while (block !== part && !starts(block)) block = block.parentElement;
            if (!starts(block)) {  // the line goes on from a block begun on the page before: that moves whole
                block = breakable(line.node.parentElement);
                force(block, true);
                set(block, 'margin-top', '0');
                return false;
            }
            while (block !== part && starts(block.parentElement)) block = block.parentElement;
            points.push([breakable(block), `handout-${name}`]);
        }
        for (const [block, page] of points) {
            if (!forced.has(block)) { force(block, true); set(block, 'margin-top', '0'); }
            set(block, 'page', page);
            for (let el = block; el !== root; el = el.parentElement) {
                for (let next = el.nextElementSibling; next; next = next.nextElementSibling) set(next, 'page', page);
            }
        }
        return true;
    }

    // ``el``, or the nearest block above it that a page may start with (a block in a block: not a
    // line of text, nor an item of a grid, a flex box or a table, where Chromium breaks otherwise).
    function breakable(el) {
        const inFlow = node => !getComputedStyle(node).display.startsWith('inline')
            && /^(block|flow-root|list-item)/.test(getComputedStyle(node.parentElement).display);
        while (el.parentElement !== root && !inFlow(el)) el = el.parentElement;
        return el;
    }

    function pageNumbers() {
        const found = {};
        for (const target of new Set(placeholders.map(span => span.dataset.target))) {
            const line = lineOf(document.getElementById(target), 'first');
            if (line) found[target] = line.column + 2;
        }
        return found;
    }

    function pageMargins() {
        let found = null;
        for (const sheet of document.styleSheets) {
            let rules;
            try { rules = sheet.cssRules; } catch { continue; }
            for (const rule of rules) {
                if (rule instanceof CSSPageRule && !rule.selectorText && rule.style.marginTop) found = rule.style;
            }
        }
        const value = text => {
            const match = /^([\d.]+)mm$/.exec(text || '');
            if (!match) throw new Error(`the handout's @page margin ${text} is not in mm`);
            return parseFloat(match[1]);
        };
        return {top: value(found.marginTop), right: value(found.marginRight), bottom: value(found.marginBottom),
                left: value(found.marginLeft)};
    }
}
