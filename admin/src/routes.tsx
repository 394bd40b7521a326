// Routes: the signed-in area inside ThemedLayout (behind the company gate and the access check), the
// onboarding form outside it, the auth pages outside both.
import { ErrorComponent, ThemedLayout } from '@refinedev/antd'
import { Authenticated, CanAccess } from '@refinedev/core'
import { NavigateToResource } from '@refinedev/react-router'
import { Spin } from 'antd'
import { Suspense } from 'react'
import { Outlet, Route, Routes } from 'react-router'
import { AppHeader } from './components/AppHeader.tsx'
import { AppSider } from './components/AppSider.tsx'
import { AppTitle } from './components/AppTitle.tsx'
import { NoAccess } from './components/NoAccess.tsx'
import { ReadOnlyBanner } from './components/ReadOnlyBanner.tsx'
import { SignInRedirect } from './components/SignInRedirect.tsx'
import { lazyDefault, lazyNamed } from './lazyNamed.ts'
import { TenantGate } from './tenancy/TenantGate.tsx'

// Every page loads on first visit (route-level splitting keeps the first download small: the generated
// screens alone bring antd's table, date picker and tree).
const GeneratedScreen = lazyNamed(() => import('./generated/GeneratedScreen.tsx'), 'GeneratedScreen')
const AuditLogList = lazyNamed(() => import('./pages/audit/AuditLogList.tsx'), 'AuditLogList')
const LoginPage = lazyNamed(() => import('./pages/auth/LoginPage.tsx'), 'LoginPage')
const RegisterPage = lazyNamed(() => import('./pages/auth/RegisterPage.tsx'), 'RegisterPage')
const CompanyEdit = lazyNamed(() => import('./pages/company/CompanyEdit.tsx'), 'CompanyEdit')
const CompanyShow = lazyNamed(() => import('./pages/company/CompanyShow.tsx'), 'CompanyShow')
const DepartmentCreate = lazyNamed(
  () => import('./pages/departments/DepartmentCreate.tsx'),
  'DepartmentCreate',
)
const DepartmentEdit = lazyNamed(() => import('./pages/departments/DepartmentEdit.tsx'), 'DepartmentEdit')
const DepartmentList = lazyNamed(() => import('./pages/departments/DepartmentList.tsx'), 'DepartmentList')
const HomePage = lazyNamed(() => import('./pages/home/HomePage.tsx'), 'HomePage')
const MemberList = lazyNamed(() => import('./pages/members/MemberList.tsx'), 'MemberList')
const CreateCompanyPage = lazyNamed(
  () => import('./pages/onboarding/CreateCompanyPage.tsx'),
  'CreateCompanyPage',
)
const ProfileEdit = lazyNamed(() => import('./pages/profiles/ProfileEdit.tsx'), 'ProfileEdit')
const ProfileList = lazyNamed(() => import('./pages/profiles/ProfileList.tsx'), 'ProfileList')
const ProfileShow = lazyNamed(() => import('./pages/profiles/ProfileShow.tsx'), 'ProfileShow')
const RoleList = lazyNamed(() => import('./pages/roles/RoleList.tsx'), 'RoleList')
const RoleShow = lazyNamed(() => import('./pages/roles/RoleShow.tsx'), 'RoleShow')
const DashboardPage = lazyDefault(() => import('./pages/dashboard/DashboardPage.tsx'))
const ApiReference = lazyDefault(() => import('./pages/developers/ApiReference.tsx'))
const ApprovalInbox = lazyDefault(() => import('./pages/approvals/ApprovalInbox.tsx'))
const SalesOrderList = lazyNamed(() => import('./pages/sales/OrderList.tsx'), 'SalesOrderList')
const SalesOrderEntry = lazyNamed(() => import('./pages/sales/OrderEntry.tsx'), 'SalesOrderEntry')
const PurchaseOrderList = lazyNamed(() => import('./pages/sales/OrderList.tsx'), 'PurchaseOrderList')
const PurchaseOrderEntry = lazyNamed(() => import('./pages/sales/OrderEntry.tsx'), 'PurchaseOrderEntry')
const PaymentRequestList = lazyDefault(() => import('./pages/payments/PaymentRequestList.tsx'))
const PaymentRequestEntry = lazyDefault(() => import('./pages/payments/PaymentRequestEntry.tsx'))
const TrialBalance = lazyDefault(() => import('./pages/reports/TrialBalance.tsx'))
// Finance: vouchers, bank statements and reconciliation, the statements with drill-down.
const VoucherList = lazyDefault(() => import('./pages/vouchers/VoucherList.tsx'))
const VoucherEntry = lazyDefault(() => import('./pages/vouchers/VoucherEntry.tsx'))
const ReportsPage = lazyDefault(() => import('./pages/reports/ReportsPage.tsx'))
const LedgerDetail = lazyDefault(() => import('./pages/reports/LedgerDetail.tsx'))
const BankPage = lazyDefault(() => import('./pages/bank/BankPage.tsx'))
const BankStatement = lazyDefault(() => import('./pages/bank/BankStatement.tsx'))
const BankLineRedirect = lazyNamed(() => import('./pages/bank/BankStatement.tsx'), 'BankLineRedirect')
// Documents, customer 360 and print views (workui).
const DocumentList = lazyDefault(() => import('./pages/documents/DocumentList.tsx'))
const FulfilmentEntry = lazyDefault(() => import('./pages/documents/FulfilmentEntry.tsx'))
const ReceiptEntry = lazyDefault(() => import('./pages/documents/ReceiptEntry.tsx'))
const PrintSalesOrder = lazyNamed(() => import('./pages/documents/PrintView.tsx'), 'PrintSalesOrder')
const PrintPurchaseOrder = lazyNamed(() => import('./pages/documents/PrintView.tsx'), 'PrintPurchaseOrder')
const PrintDelivery = lazyNamed(() => import('./pages/documents/PrintView.tsx'), 'PrintDelivery')
const CustomerList = lazyNamed(() => import('./pages/customers/Customer360.tsx'), 'CustomerList')
const Customer360 = lazyDefault(() => import('./pages/customers/Customer360.tsx'))

// The page a URL opens, for main.tsx to start downloading while the app signs in and reads the
// company (a bookmark or a reload). Only a hint: a path missing here loads its page when it renders.
const PAGE_OF_PATH: Array<[RegExp, { preload(): Promise<void> }]> = [
  [/^\/data\/[^/]+/, GeneratedScreen],
  [/^\/$/, HomePage],
  [/^\/login$/, LoginPage],
  [/^\/dashboard$/, DashboardPage],
  [/^\/approvals$/, ApprovalInbox],
  [/^\/sales-orders$/, SalesOrderList],
  [/^\/purchase-orders$/, PurchaseOrderList],
  [/^\/payment-requests$/, PaymentRequestList],
  [/^\/documents$/, DocumentList],
  [/^\/vouchers$/, VoucherList],
  [/^\/reports(\/(?!ledger)[^/]+)?$/, ReportsPage],
  [/^\/customers$/, CustomerList],
]

export function preloadPageOf(pathname: string): void {
  const page = PAGE_OF_PATH.find(([path]) => path.test(pathname))?.[1]
  page?.preload().catch(() => {}) // a failed download shows when the page renders
}

const pageLoading = <Spin style={{ display: 'block', margin: 48 }} />

export function AppRoutes() {
  return (
    <Suspense fallback={pageLoading}>
      <Routes>
        <Route
          element={
            <Authenticated key="app" fallback={<SignInRedirect />}>
              <TenantGate>
                <ThemedLayout Header={AppHeader} Title={AppTitle} Sider={AppSider}>
                  <ReadOnlyBanner />
                  <CanAccess fallback={<NoAccess />}>
                    <Suspense fallback={pageLoading}>
                      <Outlet />
                    </Suspense>
                  </CanAccess>
                </ThemedLayout>
              </TenantGate>
            </Authenticated>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="/company">
            <Route index element={<CompanyShow />} />
            <Route path="edit/:id" element={<CompanyEdit />} />
          </Route>
          <Route path="/members" element={<MemberList />} />
          <Route path="/departments">
            <Route index element={<DepartmentList />} />
            <Route path="create" element={<DepartmentCreate />} />
            <Route path="edit/:id" element={<DepartmentEdit />} />
          </Route>
          <Route path="/roles">
            <Route index element={<RoleList />} />
            <Route path="show/:id" element={<RoleShow />} />
          </Route>
          <Route path="/audit-log" element={<AuditLogList />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/developers" element={<ApiReference />} />
          <Route path="/approvals" element={<ApprovalInbox />} />
          <Route path="/sales-orders">
            <Route index element={<SalesOrderList />} />
            <Route path="new" element={<SalesOrderEntry />} />
            <Route path=":id" element={<SalesOrderEntry />} />
          </Route>
          <Route path="/purchase-orders">
            <Route index element={<PurchaseOrderList />} />
            <Route path="new" element={<PurchaseOrderEntry />} />
            <Route path=":id" element={<PurchaseOrderEntry />} />
          </Route>
          <Route path="/payment-requests">
            <Route index element={<PaymentRequestList />} />
            <Route path="new" element={<PaymentRequestEntry />} />
            <Route path=":id" element={<PaymentRequestEntry />} />
          </Route>
          <Route path="/reports/trial-balance" element={<TrialBalance />} />
          <Route path="/documents">
            <Route index element={<DocumentList />} />
            <Route path="receipts/new" element={<ReceiptEntry />} />
            <Route path=":kind/new" element={<FulfilmentEntry />} />
          </Route>
          <Route path="/customers">
            <Route index element={<CustomerList />} />
            <Route path=":id" element={<Customer360 />} />
          </Route>
          <Route path="/vouchers">
            <Route index element={<VoucherList />} />
            <Route path="new" element={<VoucherEntry />} />
            <Route path=":id" element={<VoucherEntry />} />
          </Route>
          <Route path="/reports/ledger" element={<LedgerDetail />} />
          <Route path="/reports" element={<ReportsPage />} />
          <Route path="/reports/:report" element={<ReportsPage />} />
          <Route path="/bank">
            <Route index element={<BankPage />} />
            <Route path="statements/:id" element={<BankStatement />} />
            <Route path="lines/:id" element={<BankLineRedirect />} />
          </Route>
          <Route path="/profiles">
            <Route index element={<ProfileList />} />
            <Route path="show/:id" element={<ProfileShow />} />
            <Route path="edit/:id" element={<ProfileEdit />} />
          </Route>
          <Route path="/data/:table">
            <Route index element={<GeneratedScreen screen="list" />} />
            <Route path="create" element={<GeneratedScreen screen="create" />} />
            <Route path="show/:id" element={<GeneratedScreen screen="show" />} />
            <Route path="edit/:id" element={<GeneratedScreen screen="edit" />} />
          </Route>
          <Route path="*" element={<ErrorComponent />} />
        </Route>
        <Route
          element={
            <Authenticated key="onboarding" fallback={<SignInRedirect />}>
              <Outlet />
            </Authenticated>
          }
        >
          <Route path="/onboarding" element={<CreateCompanyPage />} />
        </Route>
        {/* Print views: signed in, in a company, without the menus. */}
        <Route
          element={
            <Authenticated key="print" fallback={<SignInRedirect />}>
              <TenantGate>
                <Outlet />
              </TenantGate>
            </Authenticated>
          }
        >
          <Route path="/print/sales-order/:id" element={<PrintSalesOrder />} />
          <Route path="/print/purchase-order/:id" element={<PrintPurchaseOrder />} />
          <Route path="/print/delivery/:id" element={<PrintDelivery />} />
        </Route>
        <Route
          element={
            <Authenticated key="auth" fallback={<Outlet />}>
              <NavigateToResource resource="home" />
            </Authenticated>
          }
        >
          <Route path="/login" element={<LoginPage />} />
          <Route path="/register" element={<RegisterPage />} />
        </Route>
      </Routes>
    </Suspense>
  )
}
