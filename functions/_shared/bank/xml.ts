// A small strict XML reader (elements, attributes, text, CDATA; no DTDs) that keeps line numbers
// and element paths so errors can name where they are. Used by CAMT and XLSX.

import { type Budget, NO_BUDGET, ParseFailed } from './types.ts'

export interface XmlNode {
  /** local name, namespace prefix removed */
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
  text: string
  line: number
  path: string
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all
    }
    return ENTITIES[e] ?? all
  })
}

function localName(qname: string): string {
  const i = qname.indexOf(':')
  return i < 0 ? qname : qname.slice(i + 1)
}

const START_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y

export function parseXml(src: string, budget: Budget = NO_BUDGET): XmlNode {
  let pos = 0
  let line = 1
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '', line: 1, path: '' }
  const stack: XmlNode[] = [root]
  const counts: Map<string, number>[] = [new Map()]
  const err = (message: string): never => {
    throw new ParseFailed([{ line, field: 'xml', message }])
  }
  const advance = (to: number) => {
    for (let i = pos; i < to; i++) if (src.charCodeAt(i) === 10) line++
    pos = to
  }
  while (pos < src.length) {
    budget.tick(line)
    const lt = src.indexOf('<', pos)
    if (lt < 0) {
      if (stack.length > 1 && src.slice(pos).trim())
        stack[stack.length - 1].text += decodeEntities(src.slice(pos))
      advance(src.length)
      break
    }
    if (lt > pos) {
      const t = src.slice(pos, lt)
      if (stack.length > 1) stack[stack.length - 1].text += decodeEntities(t)
      else if (t.trim()) err('text outside the root element')
      advance(lt)
    }
    if (src.startsWith('<!--', pos)) {
      const end = src.indexOf('-->', pos)
      if (end < 0) err('unterminated comment (file truncated?)')
      advance(end + 3)
    } else if (src.startsWith('<![CDATA[', pos)) {
      const end = src.indexOf(']]>', pos)
      if (end < 0) err('unterminated CDATA (file truncated?)')
      if (stack.length > 1) stack[stack.length - 1].text += src.slice(pos + 9, end)
      advance(end + 3)
    } else if (src.startsWith('<?', pos)) {
      const end = src.indexOf('?>', pos)
      if (end < 0) err('unterminated processing instruction')
      advance(end + 2)
    } else if (src.startsWith('<!', pos)) {
      const end = src.indexOf('>', pos)
      if (end < 0) err('unterminated declaration')
      advance(end + 1)
    } else if (src.startsWith('</', pos)) {
      const end = src.indexOf('>', pos)
      if (end < 0) err('unterminated end tag (file truncated?)')
      const name = localName(src.slice(pos + 2, end).trim())
      const top = stack[stack.length - 1]
      if (stack.length < 2 || top.name !== name) err(`end tag </${name}> does not match <${top.name}>`)
      stack.pop()
      counts.pop()
      advance(end + 1)
    } else {
      START_TAG.lastIndex = pos
      const m = START_TAG.exec(src)
      if (!m) err('malformed start tag (file truncated?)')
      const match = m as RegExpExecArray
      const name = localName(match[1])
      const attrs: Record<string, string> = {}
      for (const a of match[2].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attrs[localName(a[1])] = decodeEntities(a[2] ?? a[3] ?? '')
      }
      const parent = stack[stack.length - 1]
      if (parent === root && root.children.length) err('more than one root element')
      const c = counts[counts.length - 1]
      const n = (c.get(name) ?? 0) + 1
      c.set(name, n)
      const node: XmlNode = {
        name,
        attrs,
        children: [],
        text: '',
        line,
        path: `${parent.path}/${name}[${n}]`,
      }
      parent.children.push(node)
      advance(pos + match[0].length)
      if (!match[3]) {
        stack.push(node)
        counts.push(new Map())
      }
    }
  }
  if (stack.length > 1) err(`element <${stack[stack.length - 1].name}> is not closed (file truncated?)`)
  if (!root.children.length) err('no root element')
  return root.children[0]
}

export function child(n: XmlNode | undefined, name: string): XmlNode | undefined {
  return n?.children.find((c) => c.name === name)
}

export function children(n: XmlNode | undefined, name: string): XmlNode[] {
  return n ? n.children.filter((c) => c.name === name) : []
}

/** Follow a path of child names; the first match at each step. */
export function at(n: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  let cur = n
  for (const name of names) cur = child(cur, name)
  return cur
}

export function textAt(n: XmlNode | undefined, ...names: string[]): string | null {
  const t = at(n, ...names)?.text.trim()
  return t ? t : null
}

export function descendants(n: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of n.children) {
    if (c.name === name) out.push(c)
    descendants(c, name, out)
  }
  return out
}
