// A small iCalendar reader for tests (RFC 5545 content lines): enough to check methods, UIDs, SEQUENCE,
// times with their TZID, and which VTIMEZONEs a document defines.
export type IcsProperty = { name: string; params: Record<string, string>; value: string };
export type IcsComponent = { type: string; props: IcsProperty[]; children: IcsComponent[] };

export type IcsEvent = {
  uid: string;
  sequence: number;
  status: string | null;
  summary: string;
  start: { tzid: string | null; local: string };
  end: { tzid: string | null; local: string };
  location: string | null;
};

export function parseIcs(text: string): IcsComponent {
  const lines = text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const root: IcsComponent = { type: 'ROOT', props: [], children: [] };
  const stack = [root];
  for (const line of lines) {
    const colon = indexOfValueColon(line);
    const head = line.slice(0, colon);
    const value = line.slice(colon + 1);
    const [name, ...rawParams] = head.split(';');
    if (name === 'BEGIN') {
      const component = { type: value, props: [], children: [] };
      stack[stack.length - 1]!.children.push(component);
      stack.push(component);
    } else if (name === 'END') {
      if (stack.pop()?.type !== value) throw new Error(`unbalanced END:${value}`);
    } else {
      const params = Object.fromEntries(
        rawParams.map((p) => {
          const [k, v = ''] = p.split('=');
          return [k!.toUpperCase(), v.replace(/^"|"$/g, '')];
        }),
      );
      stack[stack.length - 1]!.props.push({ name: name!.toUpperCase(), params, value: unescape(value) });
    }
  }
  if (stack.length !== 1) throw new Error('unterminated component');
  const calendar = root.children[0];
  if (calendar?.type !== 'VCALENDAR') throw new Error('not a VCALENDAR');
  return calendar;
}

/** The colon that ends the name and parameters (not one inside a quoted parameter value). */
function indexOfValueColon(line: string) {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i;
  }
  throw new Error(`no value in line: ${line}`);
}

const unescape = (v: string) => v.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');

export const prop = (c: IcsComponent, name: string) => c.props.find((p) => p.name === name);

export function calendarOf(text: string) {
  const calendar = parseIcs(text);
  const events: IcsEvent[] = calendar.children
    .filter((c) => c.type === 'VEVENT')
    .map((e) => {
      const time = (name: string) => {
        const p = prop(e, name)!;
        return { tzid: p.params.TZID ?? null, local: p.value };
      };
      return {
        uid: prop(e, 'UID')!.value,
        sequence: Number(prop(e, 'SEQUENCE')?.value ?? 0),
        status: prop(e, 'STATUS')?.value ?? null,
        summary: prop(e, 'SUMMARY')?.value ?? '',
        start: time('DTSTART'),
        end: time('DTEND'),
        location: prop(e, 'LOCATION')?.value ?? null,
      };
    });
  return {
    method: prop(calendar, 'METHOD')?.value ?? null,
    timezones: calendar.children.filter((c) => c.type === 'VTIMEZONE').map((c) => prop(c, 'TZID')!.value),
    events,
  };
}

/** The ICS attachment of a parsed mail, as text. */
export function icsOf(mail: { attachments: { filename?: string; contentType: string; content: Buffer }[] }) {
  const attachment = mail.attachments.find(
    (a) => a.filename === 'invite.ics' || /calendar|ics/.test(a.contentType),
  );
  return attachment ? calendarOf(attachment.content.toString('utf8')) : null;
}
