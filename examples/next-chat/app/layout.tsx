import type { ReactNode } from 'react';

export const metadata = { title: 'llmguard: Next.js chat example' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '42rem', margin: '2rem auto', padding: '0 1rem' }}>{children}</body>
    </html>
  );
}
