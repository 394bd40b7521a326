// Routes: the signed-in area inside ThemedLayout (behind the company gate and the access check), the
// onboarding form outside it, the auth pages outside both.
import { ErrorComponent, ThemedLayout } from '@refinedev/antd'
import { Authenticated, CanAccess } from '@refinedev/core'
import { Spin } from 'antd'
import { Suspense } from 'react'
import { Outlet, Route, Routes } from 'react-router'
import { AppHeader } from './components/AppHeader.tsx'
import { AppSider } from './components/AppSider.tsx'
import { AppTitle } from './components/AppTitle.tsx'
import { NoAccess } from './components/NoAccess.tsx'
import { ReadOnlyBanner } from './components/ReadOnlyBanner.tsx'
import { SignedInRedirect } from './components/SignedInRedirect.tsx'
import { SignInRedirect } from './components/SignInRedirect.tsx'
import {
  AcceptInvitePage,
  ApiReference,
  ApprovalInbox,
  AuditLogList,
  BankLineRedirect,
  BankPage,
  BankStatement,
  CompanyEdit,
  CompanyShow,
  CreateCompanyPage,
  Customer360,
  CustomerList,
  DashboardPage,
  DepartmentCreate,
  DepartmentEdit,
  DepartmentList,
  DocumentList,
  FulfilmentEntry,
  GeneratedScreen,
  HomePage,
  LedgerDetail,
  LoginPage,
  MemberList,
  PaymentRequestEntry,
  PaymentRequestList,
  PrintDelivery,
  PrintPurchaseOrder,
  PrintSalesOrder,
  ProfileEdit,
  ProfileList,
  ProfileShow,
  PurchaseOrderEntry,
  PurchaseOrderList,
  ReceiptEntry,
  RegisterPage,
  ReportsPage,
  RoleList,
  RoleShow,
  SalesOrderEntry,
  SalesOrderList,
  TrialBalance,
  VoucherEntry,
  VoucherList,
} from './pages.ts'
import { TenantGate } from './tenancy/TenantGate.tsx'

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
          {/* an invitee may have no company yet: no TenantGate */}
          <Route path="/accept-invite" element={<AcceptInvitePage />} />
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
              <SignedInRedirect />
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
