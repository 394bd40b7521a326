// A column's value for reading (lists, show pages), by the column's kind.
import { useTranslate } from '@refinedev/core'
import { Checkbox, Space, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { DATE_FORMAT, DATE_TIME_FORMAT } from '../lib/dates.ts'
import { FkText } from './FkText.tsx'
import { formatMoney, trimDecimal } from './money.ts'
import type { ColumnMeta } from './schema.ts'

export const RIGHT_ALIGNED = new Set(['money', 'quantity', 'decimal', 'integer'])

export function FieldValue({ column, value }: { column: ColumnMeta; value: unknown }) {
  const translate = useTranslate()
  if (value === null || value === undefined || value === '')
    return <Typography.Text type="secondary">—</Typography.Text>
  switch (column.kind) {
    case 'fk':
      return column.references ? <FkText table={column.references} id={String(value)} /> : String(value)
    case 'enum':
      return <Tag>{translate(`generated.enums.${String(value)}`, String(value))}</Tag>
    case 'money':
      return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(String(value))}</span>
    case 'quantity':
    case 'decimal':
      return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{trimDecimal(String(value))}</span>
    case 'date':
      return dayjs(String(value)).format(DATE_FORMAT)
    case 'timestamp':
      return dayjs(String(value)).format(DATE_TIME_FORMAT)
    case 'boolean':
      return <Checkbox checked={value === true} disabled />
    case 'json':
      return (
        <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {JSON.stringify(value, null, 2)}
        </Typography.Paragraph>
      )
    case 'tags':
      return (
        <Space size={[0, 4]} wrap>
          {(Array.isArray(value) ? value : [value]).map((v) => (
            <Tag key={String(v)}>{translate(`generated.enums.${String(v)}`, String(v))}</Tag>
          ))}
        </Space>
      )
    default:
      return String(value)
  }
}
