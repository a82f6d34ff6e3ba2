/*
 * On a phone Tasklist stacks its three columns (filters, the list, the task), so an opened task's
 * form lies below the whole list. While a task is open (its id in the address) the page is marked
 * so that styles/user-styles.css puts the task first.
 */
function markOpenTask() {
  document.body.classList.toggle('task-open', /[?&]task=/.test(window.location.hash));
}

window.addEventListener('hashchange', markOpenTask);
markOpenTask();

export default [];
