// Homework: a student's own list ("My homework"); for teachers and admins the review queue of handed-in work.
import { useMe } from '../lib/auth';
import { MyHomeworkList } from './homework/MyHomeworkList';
import { ReviewQueue } from './homework/ReviewQueue';

export default function Homework(_: { params: Record<string, string> }) {
  const me = useMe();
  return me.role === 'student' ? <MyHomeworkList /> : <ReviewQueue />;
}
