// public.profiles: one row per auth user, made by a trigger at sign-up; RLS lets each user read/update their own.
export type Profile = {
  id: string
  /** '' when not set */
  display_name: string
  /** 'zh-CN' | 'en' (a check constraint) */
  locale: string
  created_at: string
  updated_at: string
}

export const DISPLAY_NAME_MAX = 100
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm'
