// Reports page (placeholder until its API lands).
import { Unavailable } from '../../ui/Unavailable';

export default function ReportsPage(_: { params: Record<string, string> }) {
  return <Unavailable what="Reports" />;
}
