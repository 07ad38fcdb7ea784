// A leaving peer's awareness (cursor, name) is removed for everyone at once.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { noteAwareness, removals, type AwarenessSeen } from '../../realtime/awareness.js';

test('the removal the server sends makes the peer vanish from another browser', () => {
  const student = new Awareness(new Y.Doc());
  const teacher = new Awareness(new Y.Doc());
  student.setLocalStateField('user', { name: 'Ana', color: '#f80' });
  const update = encodeAwarenessUpdate(student, [student.clientID]);
  applyAwarenessUpdate(teacher, update, 'server');
  assert.equal(teacher.getStates().get(student.clientID), { user: { name: 'Ana', color: '#f80' } });

  const seen: AwarenessSeen = new Map();
  noteAwareness(seen, 'lesson', update);
  const [removal] = removals(seen);
  assert.is(removal!.doc, 'lesson');
  applyAwarenessUpdate(teacher, Buffer.from(removal!.data, 'base64'), 'server');
  assert.not.ok(teacher.getStates().has(student.clientID), 'gone at once');
  student.destroy();
  teacher.destroy();
});

test('a client that already said goodbye is not removed twice', () => {
  const student = new Awareness(new Y.Doc());
  const seen: AwarenessSeen = new Map();
  noteAwareness(seen, 'whiteboard', encodeAwarenessUpdate(student, [student.clientID]));
  student.setLocalState(null);
  noteAwareness(seen, 'whiteboard', encodeAwarenessUpdate(student, [student.clientID]));
  assert.equal(removals(seen), []);
  student.destroy();
});

test.run();
