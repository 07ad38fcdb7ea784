// Training page (placeholder until its API lands).
import { Unavailable } from '../ui/Unavailable';

export default function TrainingPage(_: { params: Record<string, string> }) {
  return <Unavailable what="Training" />;
}
