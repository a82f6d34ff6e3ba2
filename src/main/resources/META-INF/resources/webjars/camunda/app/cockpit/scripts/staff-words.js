/*
 * Staff's words where Cockpit and Admin (loaded from Admin's config) show what the engine stores,
 * which the locale files cannot reach:
 * - Cockpit's variables: each name as its form labels it, values as the forms offer them, people
 *   and groups by name, times to the minute in the estate's time, the types in Chinese; the user
 *   tasks' assignees by name; the words come from the app (GET /api/webapp-words), the same the
 *   audit story uses;
 * - Admin's group types and authorization permissions;
 * - what the webapps write in English without a translation key ("Actions", the diagram's zoom
 *   buttons), Cockpit's dates, written as ISO (its 'normal' date format is fixed in its code), and
 *   "null" for a fact that is not there.
 * Only what is shown changes: the engine keeps its names and values, and edited fields (inputs)
 * are left as they are.
 */
const FIXED = {
  Actions: '操作',
  'zoom in': '放大',
  'zoom out': '缩小',
  'reset zoom': '恢复原始大小'
};

const TYPES = {
  String: '文本', Boolean: '是/否', Integer: '整数', Long: '整数', Short: '整数', Double: '小数', Date: '时间',
  Json: 'JSON 数据', Xml: 'XML 数据', Object: '对象', Null: '空', Bytes: '二进制', File: '文件'
};

const GROUP_TYPES = { SYSTEM: '系统', WORKFLOW: '业务' };

const PERMISSIONS = {
  ALL: '全部', NONE: '无', ACCESS: '访问', READ: '读取', UPDATE: '修改', CREATE: '创建', DELETE: '删除',
  READ_HISTORY: '读取历史', DELETE_HISTORY: '删除历史', UPDATE_HISTORY: '修改历史',
  READ_HISTORY_VARIABLE: '读取历史变量', READ_TASK: '读取任务', UPDATE_TASK: '修改任务', TASK_WORK: '办理任务',
  TASK_ASSIGN: '分派任务', READ_TASK_VARIABLE: '读取任务变量', UPDATE_TASK_VARIABLE: '修改任务变量',
  CREATE_INSTANCE: '发起实例', READ_INSTANCE: '读取实例', UPDATE_INSTANCE: '修改实例', DELETE_INSTANCE: '删除实例',
  READ_INSTANCE_VARIABLE: '读取实例变量', UPDATE_INSTANCE_VARIABLE: '修改实例变量', MIGRATE_INSTANCE: '迁移实例',
  SUSPEND: '挂起', SUSPEND_INSTANCE: '挂起实例', RETRY_JOB: '重试作业', RETRY_JOB_INSTANCE: '重试实例作业',
  READ_VARIABLE: '读取变量', UPDATE_VARIABLE: '修改变量', UPDATE_HISTORY_VARIABLE: '修改历史变量'
};

const PERSON_VARIABLES = ['staffId', 'handler', 'assignee', 'owner'];

let words = null;

fetch('/api/webapp-words', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then((answer) => (answer.ok ? answer.json() : null))
  .then((answer) => {
    words = answer;
    translate();
  })
  .catch(() => {
    // Without the app's words the variables keep their stored names; the fixed words still apply.
  });

/**
 * Rewrites the element's text node when the lookup knows its text. The node stays Angular's: when
 * Angular writes it again (a row reused for another variable), it is read afresh.
 */
function relabel(element, lookup) {
  const node = Array.from(element.childNodes).find((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue.trim());
  if (!node) {
    return;
  }
  const text = node.nodeValue.trim();
  const word = lookup(text);
  if (word && word !== text) {
    element.dataset.stored = text;
    element.dataset.word = word;
    node.nodeValue = word;
  }
}

/** What the engine stored in the element, before relabel() wrote its word. */
function stored(element) {
  const text = element.textContent.trim();
  return text === element.dataset.word ? element.dataset.stored : text;
}

function timeOf(text) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) {
    return null;
  }
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(text);
  if (!hasZone || !words) {
    // Cockpit's own dates (camDate 'normal', fixed as YYYY-MM-DDTHH:mm:ss) are already in local time
    return hasZone ? null : text.substring(0, 16).replace('T', ' ');
  }
  // Camunda writes +0800; the Date parser wants +08:00
  const at = new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(at.getTime())) {
    return null;
  }
  const part = (type) => new Intl.DateTimeFormat('zh-CN', {
    timeZone: words.zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23'
  }).formatToParts(at).find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/**
 * Every date Cockpit writes as ISO (deployments, instances, jobs), to the minute; an empty fact
 * (a process instance without a parent) as 无, not "null".
 */
function translateTexts() {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => ((/^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(node.nodeValue) || node.nodeValue.trim() === 'null')
      && !node.parentElement.closest('textarea, script, style') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT)
  });
  const nodes = [];
  while (walker.nextNode()) {
    nodes.push(walker.currentNode);
  }
  nodes.forEach((node) => {
    const text = node.nodeValue.trim();
    const word = text === 'null' ? '无' : timeOf(text);
    if (word) {
      node.nodeValue = word;
    }
  });
}

function valueOf(variable, value) {
  if (value === 'null' || value === '') {
    return value === 'null' ? '空' : null;
  }
  if (value === 'true' || value === 'false') {
    return value === 'true' ? '是' : '否';
  }
  const time = timeOf(value);
  if (time) {
    return time;
  }
  if (/^java\.[\w.$]+(<.*>)?$/.test(value)) {
    // an Object variable's Java class; the link opens its content
    return '对象数据（点击查看）';
  }
  if (!words) {
    return null;
  }
  if (words.values[`${variable}=${value}`]) {
    return words.values[`${variable}=${value}`];
  }
  if (words.values[value]) {
    return words.values[value];
  }
  if ((PERSON_VARIABLES.includes(variable) || /By$/.test(variable)) && words.people[value]) {
    return words.people[value];
  }
  return null;
}

/** The element under root (or root) that holds a text of its own, as Angular wrote it. */
function textHolder(root) {
  return [root, ...root.querySelectorAll('*')]
    .find((e) => Array.from(e.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue.trim()));
}

function translateVariables() {
  document.querySelectorAll('thead td.actions, thead th.actions').forEach((cell) => relabel(cell, (t) => FIXED[t]));
  document.querySelectorAll('tbody tr').forEach((row) => {
    const clipboard = row.querySelector('td.col-name span[cam-widget-clipboard]');
    const nameCell = clipboard && textHolder(clipboard);
    if (!nameCell) {
      return;
    }
    if (words) {
      relabel(nameCell, (t) => words.names[t]);
    }
    const variable = stored(nameCell);
    row.querySelectorAll('td.col-type > div').forEach((cell) => relabel(cell, (t) => TYPES[t]));
    row.querySelectorAll('td.col-value .read-only').forEach((cell) => {
      const value = textHolder(cell);
      if (value) {
        relabel(value, (t) => valueOf(variable, t));
      }
    });
  });
}

/** Cockpit's user tasks: who holds a task, by name (the in-place editor still edits the login id). */
function translatePeople() {
  if (!words) {
    return;
  }
  document.querySelectorAll('td.assignee, td.owner').forEach((cell) => {
    const holder = cell.querySelector('input') ? null : textHolder(cell);
    if (holder) {
      relabel(holder, (t) => words.people[t]);
    }
  });
}

function translateAdmin() {
  document.querySelectorAll('td.group-type').forEach((cell) => relabel(cell, (t) => GROUP_TYPES[t]));
  document.querySelectorAll('td.permissions, dd').forEach((cell) => {
    if (cell.querySelector('input, ul')) {
      return;
    }
    relabel(cell, (t) => {
      const names = t.split(/,\s*/);
      // a list of permissions (a batch's rare ones keep their names), not any other fact
      return names.some((p) => PERMISSIONS[p]) && names.every((p) => /^[A-Z_]+$/.test(p))
        ? names.map((p) => PERMISSIONS[p] || p).join('、') : null;
    });
  });
}

function translateTooltips() {
  document.querySelectorAll('[title]').forEach((element) => {
    const word = FIXED[element.getAttribute('title')];
    if (word) {
      element.setAttribute('title', word);
    }
  });
}

let pending = false;

function translate() {
  pending = false;
  translateVariables();
  translatePeople();
  translateAdmin();
  translateTooltips();
  translateTexts();
}

new MutationObserver(() => {
  if (!pending) {
    pending = true;
    window.requestAnimationFrame(translate);
  }
}).observe(document.body, { childList: true, subtree: true, characterData: true });

export default [];
