// Refine resources: menu entries and their routes. Labels come from the i18n files (`<name>.<name>`).
import { HomeOutlined, UserOutlined } from '@ant-design/icons'
import type { ResourceProps } from '@refinedev/core'

export const resources: ResourceProps[] = [
  { name: 'home', list: '/', meta: { icon: <HomeOutlined /> } },
  {
    name: 'profiles',
    list: '/profiles',
    show: '/profiles/show/:id',
    edit: '/profiles/edit/:id',
    meta: { icon: <UserOutlined /> },
  },
]
