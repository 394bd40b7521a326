// Routes: the signed-in area inside ThemedLayout, the auth pages outside it.
import { ErrorComponent, ThemedLayout } from '@refinedev/antd'
import { Authenticated } from '@refinedev/core'
import { NavigateToResource } from '@refinedev/react-router'
import { Outlet, Route, Routes } from 'react-router'
import { AppHeader } from './components/AppHeader.tsx'
import { AppTitle } from './components/AppTitle.tsx'
import { SignInRedirect } from './components/SignInRedirect.tsx'
import { LoginPage } from './pages/auth/LoginPage.tsx'
import { RegisterPage } from './pages/auth/RegisterPage.tsx'
import { HomePage } from './pages/home/HomePage.tsx'
import { ProfileEdit } from './pages/profiles/ProfileEdit.tsx'
import { ProfileList } from './pages/profiles/ProfileList.tsx'
import { ProfileShow } from './pages/profiles/ProfileShow.tsx'

export function AppRoutes() {
  return (
    <Routes>
      <Route
        element={
          <Authenticated key="app" fallback={<SignInRedirect />}>
            <ThemedLayout Header={AppHeader} Title={AppTitle}>
              <Outlet />
            </ThemedLayout>
          </Authenticated>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="/profiles">
          <Route index element={<ProfileList />} />
          <Route path="show/:id" element={<ProfileShow />} />
          <Route path="edit/:id" element={<ProfileEdit />} />
        </Route>
        <Route path="*" element={<ErrorComponent />} />
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
