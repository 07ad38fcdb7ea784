// The text blocks of a lesson are Markdown (the document format); TipTap edits HTML. A small, safe converter
// for what the editor offers: headings, paragraphs, bold, italic, bullet and numbered lists, quotes, line breaks.
type Node = {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string }[];
  content?: Node[];
};

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(text: string): string {
  return escape(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*(?!\s)(.+?)\*/g, '$1<em>$2</em>')
    .replace(/`(.+?)`/g, '<code>$1</code>')
    .replace(/\\\n| {2}\n/g, '<br>');
}

/** Markdown to HTML (escaped: the text never becomes markup of its own). */
export function markdownToHtml(markdown: string): string {
  const out: string[] = [];
  const blocks = markdown.replace(/\r\n/g, '\n').split(/\n{2,}/);
  for (const raw of blocks) {
    const block = raw.trim();
    if (!block) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(block);
    if (heading && !block.includes('\n')) {
      const level = Math.min(heading[1]!.length, 4);
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
      continue;
    }
    const lines = block.split('\n');
    if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
      out.push(
        `<ul>${lines.map((l) => `<li><p>${inline(l.replace(/^\s*[-*]\s+/, ''))}</p></li>`).join('')}</ul>`,
      );
      continue;
    }
    if (lines.every((l) => /^\s*\d+[.)]\s+/.test(l))) {
      out.push(
        `<ol>${lines.map((l) => `<li><p>${inline(l.replace(/^\s*\d+[.)]\s+/, ''))}</p></li>`).join('')}</ol>`,
      );
      continue;
    }
    if (lines.every((l) => l.startsWith('>'))) {
      out.push(
        `<blockquote><p>${inline(lines.map((l) => l.replace(/^>\s?/, '')).join('\n'))}</p></blockquote>`,
      );
      continue;
    }
    out.push(`<p>${inline(lines.join('\\\n'))}</p>`);
  }
  return out.join('');
}

function marks(node: Node): string {
  let text = node.text ?? '';
  if (!text) return node.type === 'hardBreak' ? '\\\n' : '';
  const has = (t: string) => node.marks?.some((m) => m.type === t);
  if (has('code')) text = `\`${text}\``;
  if (has('italic')) text = `*${text}*`;
  if (has('bold')) text = `**${text}**`;
  return text;
}

const inlineOf = (node: Node) => (node.content ?? []).map(marks).join('');

/** TipTap's JSON (getJSON) to Markdown. */
export function editorJsonToMarkdown(doc: Node): string {
  const out: string[] = [];
  for (const node of doc.content ?? []) {
    switch (node.type) {
      case 'heading':
        out.push(`${'#'.repeat(Number(node.attrs?.level ?? 2))} ${inlineOf(node)}`);
        break;
      case 'bulletList':
      case 'orderedList':
        out.push(
          (node.content ?? [])
            .map((item, i) => {
              const text = (item.content ?? []).map(inlineOf).join(' ');
              return node.type === 'bulletList' ? `- ${text}` : `${i + 1}. ${text}`;
            })
            .join('\n'),
        );
        break;
      case 'blockquote':
        out.push((node.content ?? []).map((p) => `> ${inlineOf(p)}`).join('\n'));
        break;
      default: {
        const text = inlineOf(node);
        if (text) out.push(text);
      }
    }
  }
  return out.join('\n\n');
}
