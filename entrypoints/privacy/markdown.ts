/** The small Markdown subset PRIVACY.md is written in, turned into DOM nodes (text only, never HTML). */
export function renderMarkdown(doc: Document, source: string): Node[] {
  const nodes: Node[] = [];
  const blocks = source.replace(/\r\n/g, '\n').split(/\n{2,}/);
  for (const block of blocks) {
    const text = block.trim();
    if (!text) continue;
    const heading = /^(#{1,3})\s+(.*)$/s.exec(text);
    if (heading) {
      const h = doc.createElement(`h${heading[1]!.length}`);
      h.append(...inline(doc, heading[2]!.replace(/\s*\n\s*/g, ' ')));
      nodes.push(h);
      continue;
    }
    if (/^- /.test(text)) {
      const ul = doc.createElement('ul');
      for (const item of text.split(/\n(?=- )/)) {
        const li = doc.createElement('li');
        li.append(...inline(doc, item.replace(/^- /, '').replace(/\s*\n\s*/g, ' ')));
        ul.append(li);
      }
      nodes.push(ul);
      continue;
    }
    const p = doc.createElement('p');
    p.append(...inline(doc, text.replace(/\s*\n\s*/g, ' ')));
    nodes.push(p);
  }
  return nodes;
}

function inline(doc: Document, text: string): Node[] {
  const out: Node[] = [];
  for (const part of text.split(/(\*\*[^*]+\*\*|`[^`]+`)/)) {
    if (!part) continue;
    if (part.startsWith('**')) {
      const b = doc.createElement('strong');
      b.textContent = part.slice(2, -2);
      out.push(b);
    } else if (part.startsWith('`')) {
      const c = doc.createElement('code');
      c.textContent = part.slice(1, -1);
      out.push(c);
    } else {
      out.push(doc.createTextNode(part));
    }
  }
  return out;
}
