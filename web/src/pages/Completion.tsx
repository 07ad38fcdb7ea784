// Completion page (placeholder until its API lands).
import { Unavailable } from '../ui/Unavailable';

export default function CompletionPage(_: { params: Record<string, string> }) {
  return <Unavailable what="Completion" />;
}
