// Courses page (placeholder until its API lands).
import { Unavailable } from '../../ui/Unavailable';

export default function CoursesPage(_: { params: Record<string, string> }) {
  return <Unavailable what="Courses" />;
}
