// Shown instead of the app when the Supabase config cannot be loaded (no i18n yet: both languages).
export function BootError({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error)
  return (
    <main
      role="alert"
      style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 560, margin: '15vh auto', padding: 24 }}
    >
      <h1 style={{ fontSize: 20 }}>无法启动管理后台 · The admin could not start</h1>
      <p style={{ color: '#555' }}>{message}</p>
    </main>
  )
}
