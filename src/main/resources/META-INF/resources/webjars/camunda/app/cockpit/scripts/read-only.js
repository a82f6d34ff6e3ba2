/*
 * Hides the controls a user cannot use, in Cockpit and (loaded from Tasklist's config) in Tasklist.
 *
 * The server refuses every change a role may not make (Camunda's authorizations and the app's
 * staff guard); this script only spares staff the buttons that would be refused. Only the
 * `admin` group changes anything in Cockpit (cancel, retry, suspend, variables, deployments, job
 * priorities, batches); the `auditor` group changes nothing in Tasklist either (claim, complete,
 * comment, set dates, start a process). The user's groups come from the engine's REST API of
 * the webapps; the body gets the class `cam-read-only`, and user-styles.css hides the controls.
 */
const base = document.querySelector('base').getAttribute('app-root');
const app = window.location.pathname.includes('/app/tasklist/') ? 'tasklist' : 'cockpit';

fetch(base + '/api/admin/auth/user/default', { credentials: 'same-origin' })
  .then((answer) => answer.json())
  .then((user) => fetch(base + '/api/engine/engine/default/group?member=' + encodeURIComponent(user.userId),
    { credentials: 'same-origin', headers: { Accept: 'application/json' } }))
  .then((answer) => answer.json())
  .then((groups) => {
    const ids = groups.map((group) => group.id);
    const readOnly = app === 'tasklist' ? ids.includes('auditor') : !ids.includes('admin');
    document.body.classList.toggle('cam-read-only', readOnly);
  })
  .catch(() => {
    // Without the groups nothing is hidden; the server still refuses what the user may not do.
  });

export default [];
