// Arguments for calling any exposed function over REST, built from its signature: nulls, then plausible
// values aimed at company A (its id, its owner, the employee, rows of A guessed from parameter names).
import type { ApiFunction, Param } from './catalog.ts'
import { creditCode } from './tenant-probe.ts'

export interface ArgContext {
  tenantA: string
  ownerA: string
  employeeA: string
  ownerEmailA: string
  /** A's owner role: the prize of a privilege escalation */
  ownerRoleA: string
  /** ids of rows of A by table name (primary keys of one-column-key tables) */
  rowsA: Map<string, string[]>
}

type Target = 'company' | 'owner' | 'employee' | 'by-name'

function uuidFor(p: Param, target: Target, ctx: ArgContext): string {
  if (target === 'company') return ctx.tenantA
  if (target === 'owner') return ctx.ownerA
  if (target === 'employee') return ctx.employeeA
  const stem = p.name.replace(/^p_/, '').replace(/_ids?$/, '')
  if (/tenant|company/.test(stem)) return ctx.tenantA
  if (/role/.test(stem)) return ctx.ownerRoleA
  if (/user|member|person|owner|people|employee/.test(stem)) return ctx.ownerA
  for (const [table, ids] of ctx.rowsA) if (table.startsWith(stem) && ids.length) return ids[0]
  return ctx.tenantA
}

function textFor(p: Param, ctx: ArgContext): string {
  const n = p.name
  if (/email/.test(n)) return ctx.ownerEmailA
  if (/role|key/.test(n)) return 'owner'
  if (/credit|code/.test(n)) return creditCode()
  if (/url|link/.test(n)) return 'http://127.0.0.1/'
  if (/name|title|label/.test(n)) return 'Isolation audit'
  return 'audit'
}

function scalar(p: Param, type: string, target: Target, ctx: ArgContext): unknown {
  if (p.enumLabels?.length) return p.enumLabels[0]
  if (type === 'uuid') return uuidFor(p, target, ctx)
  if (/^(text|character varying|varchar|citext|character|char|name)/.test(type)) return textFor(p, ctx)
  if (/^(smallint|integer|bigint|numeric|real|double precision)/.test(type)) return 1
  if (type === 'boolean') return true
  if (type === 'date') return new Date().toISOString().slice(0, 10)
  if (type.startsWith('timestamp')) return new Date().toISOString()
  if (type.startsWith('time')) return '12:00'
  if (type === 'interval') return '1 day'
  if (type === 'json' || type === 'jsonb') return { tenant_id: ctx.tenantA }
  if (type === 'bytea') return '\\x00'
  if (type === 'inet') return '127.0.0.1'
  return null
}

function value(p: Param, target: Target, ctx: ArgContext): unknown {
  if (p.type.endsWith('[]')) {
    const element = scalar(p, p.elementType ?? p.type.slice(0, -2), target, ctx)
    return element === null ? [] : [element]
  }
  return scalar(p, p.elementType ?? p.type, target, ctx)
}

export interface ArgSet {
  label: string
  args: Record<string, unknown>
}

/** The argument sets to try on a function: all nulls, then each plausible target. */
export function argSets(fn: ApiFunction, ctx: ArgContext): ArgSet[] {
  const sets: ArgSet[] = [{ label: 'nulls', args: Object.fromEntries(fn.params.map((p) => [p.name, null])) }]
  if (fn.params.length === 0) return [{ label: 'no arguments', args: {} }]
  if (fn.params.every((p) => p.hasDefault)) sets.push({ label: 'defaults', args: {} })
  const targets: Target[] = ['by-name', 'company', 'owner', 'employee']
  for (const target of targets) {
    const args = Object.fromEntries(fn.params.map((p) => [p.name, value(p, target, ctx)]))
    const key = JSON.stringify(args)
    if (!sets.some((s) => JSON.stringify(s.args) === key)) sets.push({ label: target, args })
  }
  return sets
}

/** Every string an argument set carries (an answer may echo them without leaking anything). */
export function argStrings(args: Record<string, unknown>): Set<string> {
  const out = new Set<string>()
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.add(v)
    else if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  walk(args)
  return out
}
