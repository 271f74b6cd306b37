import { AppProvider } from '@/app/provider';
import { OverviewPage } from '@/app/overview-page';

export function App() {
  return (
    <AppProvider>
      <OverviewPage />
    </AppProvider>
  );
}
