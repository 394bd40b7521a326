// Routes: the signed-in area inside ThemedLayout (behind the company gate and the access check), the
// onboarding form outside it, the auth pages outside both.
import { ErrorComponent, ThemedLayout } from '@refinedev/antd'
import { Authenticated, CanAccess } from '@refinedev/core'
import { NavigateToResource } from '@refinedev/react-router'
import { Spin } from 'antd'
import { lazy, Suspense } from 'react'
import { Outlet, Route, Routes } from 'react-router'
import { AppHeader } from './components/AppHeader.tsx'
import { AppTitle } from './components/AppTitle.tsx'
import { NoAccess } from './components/NoAccess.tsx'
import { ReadOnlyBanner } from './components/ReadOnlyBanner.tsx'
import { SignInRedirect } from './components/SignInRedirect.tsx'
import { GeneratedScreen } from './generated/GeneratedScreen.tsx'
import { AuditLogList } from './pages/audit/AuditLogList.tsx'
import { LoginPage } from './pages/auth/LoginPage.tsx'
import { RegisterPage } from './pages/auth/RegisterPage.tsx'
import { CompanyEdit } from './pages/company/CompanyEdit.tsx'
import { CompanyShow } from './pages/company/CompanyShow.tsx'
import { DepartmentCreate } from './pages/departments/DepartmentCreate.tsx'
import { DepartmentEdit } from './pages/departments/DepartmentEdit.tsx'
import { DepartmentList } from './pages/departments/DepartmentList.tsx'
import { HomePage } from './pages/home/HomePage.tsx'
import { MemberList } from './pages/members/MemberList.tsx'
import { CreateCompanyPage } from './pages/onboarding/CreateCompanyPage.tsx'
import { ProfileEdit } from './pages/profiles/ProfileEdit.tsx'
import { ProfileList } from './pages/profiles/ProfileList.tsx'
import { ProfileShow } from './pages/profiles/ProfileShow.tsx'
import { RoleList } from './pages/roles/RoleList.tsx'
import { RoleShow } from './pages/roles/RoleShow.tsx'
import { TenantGate } from './tenancy/TenantGate.tsx'

// The workbench pages load on first visit (route-level splitting keeps the first download small).
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage.tsx'))
const ApiReference = lazy(() => import('./pages/developers/ApiReference.tsx'))
const ApprovalInbox = lazy(() => import('./pages/approvals/ApprovalInbox.tsx'))
const SalesOrderList = lazy(() =>
  import('./pages/sales/OrderList.tsx').then((m) => ({ default: m.SalesOrderList })),
)
const SalesOrderEntry = lazy(() =>
  import('./pages/sales/OrderEntry.tsx').then((m) => ({ default: m.SalesOrderEntry })),
)
const PurchaseOrderList = lazy(() =>
  import('./pages/sales/OrderList.tsx').then((m) => ({ default: m.PurchaseOrderList })),
)
const PurchaseOrderEntry = lazy(() =>
  import('./pages/sales/OrderEntry.tsx').then((m) => ({ default: m.PurchaseOrderEntry })),
)
const TrialBalance = lazy(() => import('./pages/reports/TrialBalance.tsx'))
// Documents, customer 360 and print views (workui).
const DocumentList = lazy(() => import('./pages/documents/DocumentList.tsx'))
const FulfilmentEntry = lazy(() => import('./pages/documents/FulfilmentEntry.tsx'))
const ReceiptEntry = lazy(() => import('./pages/documents/ReceiptEntry.tsx'))
const PrintSalesOrder = lazy(() =>
  import('./pages/documents/PrintView.tsx').then((m) => ({ default: m.PrintSalesOrder })),
)
const PrintPurchaseOrder = lazy(() =>
  import('./pages/documents/PrintView.tsx').then((m) => ({ default: m.PrintPurchaseOrder })),
)
const PrintDelivery = lazy(() =>
  import('./pages/documents/PrintView.tsx').then((m) => ({ default: m.PrintDelivery })),
)
const CustomerList = lazy(() =>
  import('./pages/customers/Customer360.tsx').then((m) => ({ default: m.CustomerList })),
)
const Customer360 = lazy(() => import('./pages/customers/Customer360.tsx'))

export function AppRoutes() {
  return (
    <Routes>
      <Route
        element={
          <Authenticated key="app" fallback={<SignInRedirect />}>
            <TenantGate>
              <ThemedLayout Header={AppHeader} Title={AppTitle}>
                <ReadOnlyBanner />
                <CanAccess fallback={<NoAccess />}>
                  <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
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
              <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
                <Outlet />
              </Suspense>
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
  )
}
