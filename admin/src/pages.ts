// Every page of the admin, loaded on first use (route-level splitting keeps the first download small:
// the generated screens alone bring antd's table, date picker and tree), and which URL opens which.
import { lazyDefault, lazyNamed } from './lazyNamed.ts'

export const GeneratedScreen = lazyNamed(() => import('./generated/GeneratedScreen.tsx'), 'GeneratedScreen')
export const AuditLogList = lazyNamed(() => import('./pages/audit/AuditLogList.tsx'), 'AuditLogList')
export const LoginPage = lazyNamed(() => import('./pages/auth/LoginPage.tsx'), 'LoginPage')
export const RegisterPage = lazyNamed(() => import('./pages/auth/RegisterPage.tsx'), 'RegisterPage')
export const CompanyEdit = lazyNamed(() => import('./pages/company/CompanyEdit.tsx'), 'CompanyEdit')
export const CompanyShow = lazyNamed(() => import('./pages/company/CompanyShow.tsx'), 'CompanyShow')
export const DepartmentCreate = lazyNamed(
  () => import('./pages/departments/DepartmentCreate.tsx'),
  'DepartmentCreate',
)
export const DepartmentEdit = lazyNamed(
  () => import('./pages/departments/DepartmentEdit.tsx'),
  'DepartmentEdit',
)
export const DepartmentList = lazyNamed(
  () => import('./pages/departments/DepartmentList.tsx'),
  'DepartmentList',
)
export const HomePage = lazyNamed(() => import('./pages/home/HomePage.tsx'), 'HomePage')
export const MemberList = lazyNamed(() => import('./pages/members/MemberList.tsx'), 'MemberList')
export const AcceptInvitePage = lazyNamed(
  () => import('./pages/members/AcceptInvitePage.tsx'),
  'AcceptInvitePage',
)
export const CreateCompanyPage = lazyNamed(
  () => import('./pages/onboarding/CreateCompanyPage.tsx'),
  'CreateCompanyPage',
)
export const ProfileEdit = lazyNamed(() => import('./pages/profiles/ProfileEdit.tsx'), 'ProfileEdit')
export const ProfileList = lazyNamed(() => import('./pages/profiles/ProfileList.tsx'), 'ProfileList')
export const ProfileShow = lazyNamed(() => import('./pages/profiles/ProfileShow.tsx'), 'ProfileShow')
export const RoleList = lazyNamed(() => import('./pages/roles/RoleList.tsx'), 'RoleList')
export const RoleShow = lazyNamed(() => import('./pages/roles/RoleShow.tsx'), 'RoleShow')
export const DashboardPage = lazyDefault(() => import('./pages/dashboard/DashboardPage.tsx'))
export const ApiReference = lazyDefault(() => import('./pages/developers/ApiReference.tsx'))
export const ApprovalInbox = lazyDefault(() => import('./pages/approvals/ApprovalInbox.tsx'))
export const SalesOrderList = lazyNamed(() => import('./pages/sales/OrderList.tsx'), 'SalesOrderList')
export const SalesOrderEntry = lazyNamed(() => import('./pages/sales/OrderEntry.tsx'), 'SalesOrderEntry')
export const PurchaseOrderList = lazyNamed(() => import('./pages/sales/OrderList.tsx'), 'PurchaseOrderList')
export const PurchaseOrderEntry = lazyNamed(
  () => import('./pages/sales/OrderEntry.tsx'),
  'PurchaseOrderEntry',
)
export const PaymentRequestList = lazyDefault(() => import('./pages/payments/PaymentRequestList.tsx'))
export const PaymentRequestEntry = lazyDefault(() => import('./pages/payments/PaymentRequestEntry.tsx'))
export const TrialBalance = lazyDefault(() => import('./pages/reports/TrialBalance.tsx'))
// Finance: vouchers, bank statements and reconciliation, the statements with drill-down.
export const VoucherList = lazyDefault(() => import('./pages/vouchers/VoucherList.tsx'))
export const VoucherEntry = lazyDefault(() => import('./pages/vouchers/VoucherEntry.tsx'))
export const ReportsPage = lazyDefault(() => import('./pages/reports/ReportsPage.tsx'))
export const LedgerDetail = lazyDefault(() => import('./pages/reports/LedgerDetail.tsx'))
export const BankPage = lazyDefault(() => import('./pages/bank/BankPage.tsx'))
export const BankStatement = lazyDefault(() => import('./pages/bank/BankStatement.tsx'))
export const BankLineRedirect = lazyNamed(() => import('./pages/bank/BankStatement.tsx'), 'BankLineRedirect')
// Documents, customer 360 and print views (workui).
export const DocumentList = lazyDefault(() => import('./pages/documents/DocumentList.tsx'))
export const FulfilmentEntry = lazyDefault(() => import('./pages/documents/FulfilmentEntry.tsx'))
export const ReceiptEntry = lazyDefault(() => import('./pages/documents/ReceiptEntry.tsx'))
export const PrintSalesOrder = lazyNamed(() => import('./pages/documents/PrintView.tsx'), 'PrintSalesOrder')
export const PrintPurchaseOrder = lazyNamed(
  () => import('./pages/documents/PrintView.tsx'),
  'PrintPurchaseOrder',
)
export const PrintDelivery = lazyNamed(() => import('./pages/documents/PrintView.tsx'), 'PrintDelivery')
export const CustomerList = lazyNamed(() => import('./pages/customers/Customer360.tsx'), 'CustomerList')
export const Customer360 = lazyDefault(() => import('./pages/customers/Customer360.tsx'))

// The page a URL opens, to start downloading its code before it renders: main.tsx while the app signs
// in (a bookmark or a reload), and any link of the app when the pointer rests on it or the keyboard focus
// reaches it (preloadLinksOnHover). Only a hint: a path missing here loads its page when it renders.
const PAGE_OF_PATH: Array<[RegExp, { preload(): Promise<void> }]> = [
  [/^\/data\/[^/]+/, GeneratedScreen],
  [/^\/$/, HomePage],
  [/^\/login$/, LoginPage],
  [/^\/register$/, RegisterPage],
  [/^\/onboarding$/, CreateCompanyPage],
  [/^\/accept-invite$/, AcceptInvitePage],
  [/^\/dashboard$/, DashboardPage],
  [/^\/approvals$/, ApprovalInbox],
  [/^\/sales-orders$/, SalesOrderList],
  [/^\/sales-orders\/[^/]+$/, SalesOrderEntry],
  [/^\/purchase-orders$/, PurchaseOrderList],
  [/^\/purchase-orders\/[^/]+$/, PurchaseOrderEntry],
  [/^\/payment-requests$/, PaymentRequestList],
  [/^\/payment-requests\/[^/]+$/, PaymentRequestEntry],
  [/^\/documents$/, DocumentList],
  [/^\/documents\/receipts\/new$/, ReceiptEntry],
  [/^\/documents\/[^/]+\/new$/, FulfilmentEntry],
  [/^\/vouchers$/, VoucherList],
  [/^\/vouchers\/[^/]+$/, VoucherEntry],
  [/^\/reports\/ledger$/, LedgerDetail],
  [/^\/reports\/trial-balance$/, TrialBalance],
  [/^\/reports(\/[^/]+)?$/, ReportsPage],
  [/^\/customers$/, CustomerList],
  [/^\/customers\/[^/]+$/, Customer360],
  [/^\/bank$/, BankPage],
  [/^\/bank\/statements\/[^/]+$/, BankStatement],
  [/^\/bank\/lines\/[^/]+$/, BankLineRedirect],
  [/^\/print\/sales-order\//, PrintSalesOrder],
  [/^\/print\/purchase-order\//, PrintPurchaseOrder],
  [/^\/print\/delivery\//, PrintDelivery],
  [/^\/company$/, CompanyShow],
  [/^\/company\/edit\//, CompanyEdit],
  [/^\/members$/, MemberList],
  [/^\/departments$/, DepartmentList],
  [/^\/departments\/create$/, DepartmentCreate],
  [/^\/departments\/edit\//, DepartmentEdit],
  [/^\/roles$/, RoleList],
  [/^\/roles\/show\//, RoleShow],
  [/^\/developers$/, ApiReference],
  [/^\/audit-log$/, AuditLogList],
  [/^\/profiles$/, ProfileList],
  [/^\/profiles\/show\//, ProfileShow],
  [/^\/profiles\/edit\//, ProfileEdit],
]

/** The page a path of the app opens, if known. */
export function pageOfPath(pathname: string): { preload(): Promise<void> } | undefined {
  return PAGE_OF_PATH.find(([path]) => path.test(pathname))?.[1]
}

export function preloadPageOf(pathname: string): void {
  pageOfPath(pathname)
    ?.preload()
    .catch(() => {}) // a failed download shows when the page renders
}

/**
 * Starts loading a page's code when the pointer rests on a link to it or the keyboard focus reaches one,
 * anywhere in the app (menu, lists, documents' links): the click then opens the page without a loading
 * round. One listener on the document; links to other sites are left alone.
 */
export function preloadLinksOnHover(preload: (pathname: string) => void = preloadPageOf): () => void {
  const onEvent = (event: Event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null
    if (link instanceof HTMLAnchorElement && link.origin === window.location.origin) preload(link.pathname)
  }
  document.addEventListener('pointerover', onEvent, { passive: true })
  document.addEventListener('focusin', onEvent)
  return () => {
    document.removeEventListener('pointerover', onEvent)
    document.removeEventListener('focusin', onEvent)
  }
}
