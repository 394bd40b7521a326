// Print views (打印) of an order and of a delivery note: a plain A4 page without the menus, black on
// white, the figures as the database holds them; the browser's print dialog does the rest (the buttons
// are hidden on paper by the print CSS).
import { useTranslate } from '@refinedev/core'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Space, Spin } from 'antd'
import { useParams } from 'react-router'
import { money, quantity } from '../../components/Money.tsx'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { useMyTenants } from '../../tenancy/useMyTenants.ts'
import { useSeller } from './useDocuments.ts'

const PRINT_CSS = `
.troika-print { max-width: 190mm; margin: 0 auto; padding: 16px; color: #000; background: #fff;
  font-size: 13px; font-family: "Songti SC", "SimSun", serif; }
.troika-print h1 { text-align: center; font-size: 22px; letter-spacing: 4px; margin: 8px 0 16px; }
.troika-print table { width: 100%; border-collapse: collapse; }
.troika-print .grid td, .troika-print .grid th { border: 1px solid #000; padding: 4px 6px; }
.troika-print .grid th { background: #f2f2f2; }
.troika-print .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.troika-print .meta td { padding: 2px 4px; }
.troika-print .sign { margin-top: 32px; display: flex; justify-content: space-between; }
@media print {
  .troika-no-print { display: none !important; }
  .troika-print { padding: 0; max-width: none; }
  .troika-print .grid th { background: none; }
  @page { size: A4; margin: 15mm; }
}
`

type PrintLine = {
  line_no: number
  sku: string
  name: string
  spec: string | null
  unit: string
  quantity: string
  unit_price?: string
  amount?: string
  tax?: string
  total?: string
}
type PrintDoc = {
  title: string
  number: string
  date: string
  party: string
  partyLabel: string
  extra: Array<[string, string]>
  lines: PrintLine[]
  totals?: { amount: string; tax: string; total: string }
}

function usePrintOrder(kind: 'sales' | 'purchase', id: string | undefined) {
  const supabase = useSupabase()
  const translate = useTranslate()
  return useQuery({
    queryKey: ['troika', 'print', kind, id],
    enabled: Boolean(id),
    queryFn: async (): Promise<PrintDoc> => {
      const orders = kind === 'sales' ? 'sales_orders' : 'purchase_orders'
      const lines = kind === 'sales' ? 'sales_order_lines' : 'purchase_order_lines'
      const [h, l] = await Promise.all([
        supabase
          .from(orders)
          .select(
            'number, order_date, note, status, amount:amount::text, tax:tax::text, total:total::text, party:parties(name), warehouse:warehouses(name)',
          )
          .eq('id', id)
          .single(),
        supabase
          .from(lines)
          .select(
            'line_no, quantity:quantity::text, unit_price:unit_price::text, amount:amount::text, tax:tax::text, total:total::text, item:items(sku, name, spec, unit)',
          )
          .eq('order_id', id)
          .order('line_no'),
      ])
      if (h.error) throw h.error
      if (l.error) throw l.error
      const head = h.data as unknown as {
        number: string
        order_date: string
        note: string | null
        amount: string
        tax: string
        total: string
        party: { name: string } | null
        warehouse: { name: string } | null
      }
      return {
        title: translate(
          kind === 'sales' ? 'documents.printTitles.sales_order' : 'documents.printTitles.purchase_order',
        ),
        number: head.number,
        date: head.order_date,
        party: head.party?.name ?? '',
        partyLabel: translate(kind === 'sales' ? 'documents.customer' : 'documents.supplier'),
        extra: [
          [translate('documents.warehouse'), head.warehouse?.name ?? ''],
          [translate('salesOrders.fields.note'), head.note ?? ''],
        ],
        lines: (
          (l.data ?? []) as unknown as Array<
            Omit<PrintLine, 'sku' | 'name' | 'spec' | 'unit'> & {
              item: { sku: string; name: string; spec: string | null; unit: string } | null
            }
          >
        ).map(({ item, ...rest }) => ({
          ...rest,
          sku: item?.sku ?? '',
          name: item?.name ?? '',
          spec: item?.spec ?? null,
          unit: item?.unit ?? '',
        })),
        totals: { amount: head.amount, tax: head.tax, total: head.total },
      }
    },
  })
}

function usePrintDelivery(documentId: string | undefined) {
  const supabase = useSupabase()
  const translate = useTranslate()
  return useQuery({
    queryKey: ['troika', 'print', 'delivery', documentId],
    enabled: Boolean(documentId),
    queryFn: async (): Promise<PrintDoc> => {
      const [d, l, od] = await Promise.all([
        supabase
          .from('ledger_documents')
          .select('number, doc_date, party:parties(name), warehouse:warehouses(name)')
          .eq('id', documentId)
          .single(),
        supabase
          .from('ledger_document_lines')
          .select('line_no, quantity:quantity::text, item:items(sku, name, spec, unit)')
          .eq('document_id', documentId)
          .order('line_no'),
        supabase
          .from('order_documents')
          .select('carrier, tracking_number, sales_order:sales_orders(number)')
          .eq('document_id', documentId)
          .maybeSingle(),
      ])
      if (d.error) throw d.error
      if (l.error) throw l.error
      const doc = d.data as unknown as {
        number: string | null
        doc_date: string
        party: { name: string } | null
        warehouse: { name: string } | null
      }
      const link = od.data as unknown as {
        carrier: string | null
        tracking_number: string | null
        sales_order: { number: string } | null
      } | null
      return {
        title: translate('documents.printTitles.delivery'),
        number: doc.number ?? '',
        date: doc.doc_date,
        party: doc.party?.name ?? '',
        partyLabel: translate('documents.customer'),
        extra: [
          [translate('documents.warehouse'), doc.warehouse?.name ?? ''],
          [translate('documents.cols.order'), link?.sales_order?.number ?? ''],
          [translate('documents.carrier'), link?.carrier ?? ''],
          [translate('documents.tracking'), link?.tracking_number ?? ''],
        ],
        lines: (
          (l.data ?? []) as unknown as Array<{
            line_no: number
            quantity: string
            item: { sku: string; name: string; spec: string | null; unit: string } | null
          }>
        ).map((x) => ({
          line_no: x.line_no,
          quantity: x.quantity,
          sku: x.item?.sku ?? '',
          name: x.item?.name ?? '',
          spec: x.item?.spec ?? null,
          unit: x.item?.unit ?? '',
        })),
      }
    },
  })
}

function PrintPage({ doc, loading, error }: { doc?: PrintDoc; loading: boolean; error: unknown }) {
  const translate = useTranslate()
  const { active } = useMyTenants()
  const seller = useSeller(active?.tenant_id)
  if (loading) return <Spin style={{ display: 'block', margin: 48 }} />
  if (error || !doc)
    return (
      <Alert
        type="error"
        showIcon
        message={(error as Error | null)?.message ?? translate('documents.orderMissing')}
      />
    )
  const priced = Boolean(doc.totals)
  return (
    <div className="troika-print" data-testid="print-view">
      <style>{PRINT_CSS}</style>
      <Space className="troika-no-print" style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => window.print()} data-testid="print-button">
          {translate('documents.print')}
        </Button>
        <Button onClick={() => window.history.back()}>{translate('documents.back')}</Button>
      </Space>
      <div style={{ textAlign: 'center' }}>{seller.data?.name}</div>
      <h1>{doc.title}</h1>
      <table className="meta">
        <tbody>
          <tr>
            <td>
              {doc.partyLabel}：{doc.party}
            </td>
            <td style={{ textAlign: 'right' }}>
              {translate('documents.cols.number')}：<span data-testid="print-number">{doc.number}</span>
            </td>
          </tr>
          <tr>
            <td>
              {doc.extra
                .filter(([, v]) => v)
                .map(([k, v]) => `${k}：${v}`)
                .join('　')}
            </td>
            <td style={{ textAlign: 'right' }}>
              {translate('documents.date')}：{doc.date}
            </td>
          </tr>
        </tbody>
      </table>
      <table className="grid" style={{ marginTop: 8 }}>
        <thead>
          <tr>
            <th>{translate('documents.cols.line')}</th>
            <th>{translate('documents.printCols.sku')}</th>
            <th>{translate('documents.printCols.name')}</th>
            <th>{translate('documents.printCols.spec')}</th>
            <th>{translate('documents.printCols.unit')}</th>
            <th className="num">{translate('documents.printQuantity')}</th>
            {priced && (
              <>
                <th className="num">{translate('documents.cols.price')}</th>
                <th className="num">{translate('documents.cols.amount')}</th>
                <th className="num">{translate('documents.cols.tax')}</th>
                <th className="num">{translate('documents.cols.total')}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {doc.lines.map((l) => (
            <tr key={l.line_no}>
              <td>{l.line_no}</td>
              <td>{l.sku}</td>
              <td>{l.name}</td>
              <td>{l.spec}</td>
              <td>{l.unit}</td>
              <td className="num">{quantity(l.quantity)}</td>
              {priced && (
                <>
                  <td className="num">{quantity(l.unit_price)}</td>
                  <td className="num">{money(l.amount)}</td>
                  <td className="num">{money(l.tax)}</td>
                  <td className="num">{money(l.total)}</td>
                </>
              )}
            </tr>
          ))}
          {doc.totals && (
            <tr>
              <td colSpan={7}>{translate('documents.einvoice.sum')}</td>
              <td className="num">{money(doc.totals.amount)}</td>
              <td className="num">{money(doc.totals.tax)}</td>
              <td className="num" data-testid="print-total">
                {money(doc.totals.total)}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="sign">
        <span>{translate('documents.printCols.preparedBy')}：</span>
        <span>
          {translate(priced ? 'documents.printCols.approvedBy' : 'documents.printCols.shippedBy')}：
        </span>
        <span>{translate('documents.printCols.receivedBy')}：</span>
      </div>
    </div>
  )
}

export function PrintOrder({ kind }: { kind: 'sales' | 'purchase' }) {
  const { id } = useParams<{ id: string }>()
  const q = usePrintOrder(kind, id)
  return <PrintPage doc={q.data} loading={q.isLoading} error={q.error} />
}

export function PrintDelivery() {
  const { id } = useParams<{ id: string }>()
  const q = usePrintDelivery(id)
  return <PrintPage doc={q.data} loading={q.isLoading} error={q.error} />
}

export const PrintSalesOrder = () => <PrintOrder kind="sales" />
export const PrintPurchaseOrder = () => <PrintOrder kind="purchase" />
