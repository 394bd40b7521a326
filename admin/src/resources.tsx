// Refine resources: menu entries and their routes. Labels come from the i18n files (`<name>.<name>`).
// meta.permission names the resource of the permission matrix guarding a resource (see
// providers/accessControlProvider.ts); resources without it are open to everyone signed in.
import {
  AccountBookOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  ContactsOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  HomeOutlined,
  PayCircleOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons'
import type { ResourceProps } from '@refinedev/core'
import { resourceOfTable } from './generated/permissions.ts'
import { ApprovalsMenuIcon } from './pages/approvals/ApprovalsMenuIcon.tsx'

export const resources: ResourceProps[] = [
  { name: 'home', list: '/', meta: { icon: <HomeOutlined /> } },
  { name: 'dashboard', list: '/dashboard', meta: { icon: <DashboardOutlined />, permission: 'dashboard' } },
  // Everyone has an inbox: the database shows each person their own tasks.
  { name: 'approval_inbox', list: '/approvals', meta: { icon: <ApprovalsMenuIcon /> } },
  {
    name: 'sales_order_entry',
    list: '/sales-orders',
    create: '/sales-orders/new',
    show: '/sales-orders/:id',
    meta: { icon: <ShoppingCartOutlined />, permission: 'sales_orders' },
  },
  {
    name: 'purchase_order_entry',
    list: '/purchase-orders',
    create: '/purchase-orders/new',
    show: '/purchase-orders/:id',
    meta: { icon: <ShoppingOutlined />, permission: 'purchase_orders' },
  },
  {
    name: 'payment_request_entry',
    list: '/payment-requests',
    create: '/payment-requests/new',
    show: '/payment-requests/:id',
    meta: { icon: <PayCircleOutlined />, permission: 'payment_requests' },
  },
  // Documents posted from orders and customer receipts (workui); customers with their 360 page.
  {
    name: 'documents',
    list: '/documents',
    meta: { icon: <FileDoneOutlined />, permission: 'order_documents' },
  },
  {
    name: 'customer360',
    list: '/customers',
    show: '/customers/:id',
    meta: { icon: <ContactsOutlined />, permission: 'parties' },
  },
  {
    name: 'trial_balance',
    list: '/reports/trial-balance',
    meta: { icon: <FileTextOutlined />, permission: 'vouchers' },
  },
  // Finance. The voucher screens share the name of the vouchers table (menu label vouchers.vouchers);
  // the identifier keeps them apart from its generated screens under /data/vouchers.
  {
    name: 'vouchers',
    identifier: 'voucher_book',
    list: '/vouchers',
    create: '/vouchers/new',
    show: '/vouchers/:id',
    meta: { icon: <AccountBookOutlined />, permission: 'vouchers' },
  },
  {
    name: 'bank',
    list: '/bank',
    show: '/bank/statements/:id',
    meta: { icon: <BankOutlined />, permission: 'bank_statements' },
  },
  {
    name: 'reports',
    list: '/reports',
    show: '/reports/:report',
    meta: { icon: <BarChartOutlined />, permission: 'financial_statements' },
  },
  {
    name: 'tenants',
    list: '/company',
    edit: '/company/edit/:id',
    meta: { icon: <ShopOutlined />, permission: 'tenant' },
  },
  { name: 'memberships', list: '/members', meta: { icon: <TeamOutlined />, permission: 'members' } },
  {
    name: 'departments',
    list: '/departments',
    create: '/departments/create',
    edit: '/departments/edit/:id',
    meta: { icon: <ApartmentOutlined />, permission: 'departments', canDelete: true },
  },
  {
    name: 'roles',
    list: '/roles',
    show: '/roles/show/:id',
    meta: { icon: <SafetyCertificateOutlined />, permission: 'roles' },
  },
  { name: 'api_reference', list: '/developers', meta: { icon: <ApiOutlined />, permission: 'api_keys' } },
  { name: 'audit_log', list: '/audit-log', meta: { icon: <AuditOutlined />, permission: 'audit_log' } },
  {
    name: 'profiles',
    list: '/profiles',
    show: '/profiles/show/:id',
    edit: '/profiles/edit/:id',
    meta: { icon: <UserOutlined /> },
  },
]

/** The matrix resource guarding a Refine resource, if any; a generated one (a table) by its table's. */
export function permissionOf(name: string | undefined): string | undefined {
  const resource = resources.find((r) => r.name === name)
  if (!resource) return name && !name.startsWith('group:') ? resourceOfTable(name) : undefined
  const permission = resource.meta?.permission
  return typeof permission === 'string' ? permission : undefined
}
