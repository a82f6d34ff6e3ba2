/*
 * Chinese texts for Camunda Forms in Tasklist.
 *
 * Tasklist renders Camunda Forms with form-js (bundled in camunda/lib/deps.js of Camunda 7.24).
 * form-js has no translation support: its placeholders, validation messages, list, table and
 * dynamic-list texts are hard-coded in English, and its date picker is flatpickr with the English
 * locale. This script, loaded through `customScripts` in config.js (as an ES module; it exports
 * nothing, so Tasklist registers no plugin from it):
 *
 *  1. sets flatpickr's Chinese locale globally (weekday and month names, first day of week,
 *     aria labels) before any date picker is created, and fixes any picker created earlier;
 *  2. watches the page with a MutationObserver and, inside form-js forms only, replaces the known
 *     English strings below with Chinese: text nodes only in the elements where form-js writes
 *     its own texts (never labels, options or data of the form), and the placeholder, title,
 *     aria-label and alt attributes.
 *
 * form-js (Preact) only rewrites a text node or an attribute when its own value changes, so the
 * replaced texts stay until form-js renders a different text, which the observer translates again.
 * The tables below are the complete list of the English texts of the form-js bundled in 7.24;
 * check them again (grep deps.js for "Field is required") after a Camunda upgrade.
 */

// Exact English texts of form-js -> Chinese.
const TEXTS = {
  // select, searchable select and tag list
  'Select': '请选择',
  'Search': '搜索',
  'No results': '无匹配结果',
  'All values selected': '已选择全部选项',
  'Skip to search': '跳到搜索框',
  'Remove tag': '移除',
  // validation messages
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请输入有效的电子邮箱地址。',
  'Field must be a valid number.': '请输入有效的数字。', // newer form-js versions
  'Value is not a number.': '请输入有效的数字。',
  'Value is expected to be an integer.': '请输入整数。',
  'Date and time must both be entered.': '日期和时间须同时填写。',
  // number field arrows
  'Increment': '增加',
  'Decrement': '减少',
  // time field placeholders (24 h and 12 h)
  'hh:mm': '时:分',
  'hh:mm ?m': '时:分 am/pm',
  // dynamic list
  'Add new': '新增',
  'Collapse': '收起',
  // table
  'Nothing to show.': '暂无数据。',
  'of': '/', // page numbers: "1 of 3" -> "1 / 3"
  'Previous page': '上一页',
  'Next page': '下一页',
  'Click to remove sorting': '点击取消排序',
  // iframe and image
  'No content to show.': '暂无内容。',
  "External content couldn't be loaded.": '无法加载外部内容。',
  'This is an image placeholder': '图片占位',
  // "powered by" link and its pop-up
  'Powered by bpmn.io': '由 bpmn.io 提供技术支持',
  'Web-based tooling for BPMN, DMN, and forms powered by': '基于 Web 的 BPMN、DMN 和表单工具，技术支持：'
};

// English texts with values in them -> Chinese ($1, $2: the values).
const PATTERNS = [
  [/^Field must have minimum length of (.+)\.$/, '长度不能少于 $1 个字符。'],
  [/^Field must have maximum length of (.+)\.$/, '长度不能超过 $1 个字符。'],
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
  [/^Field must match pattern ([\s\S]*)\.$/, '格式不正确（须符合 $1）。'],
  [/^Field must be a valid\s+international phone number\b[\s\S]*$/, '请输入有效的国际格式电话号码（例如 +8613800000000）。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, '最多只能有 $1 位小数。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, '请输入有效的值，最接近的两个有效值为 $1 和 $2。'],
  [/^Expand all \((\d+)\)$/, '全部展开（$1）'],
  [/^Remove list item (\d+)$/, '删除第 $1 项'],
  [/^Click to sort by ([\s\S]+) ascending$/, '点击按“$1”升序排序'],
  [/^Click to sort by ([\s\S]+) descending$/, '点击按“$1”降序排序']
];

// flatpickr's Chinese locale (after flatpickr's own "zh" locale; Monday first, as in China).
const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  ordinal: () => '',
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时制',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true
};
// flatpickr format of the days' aria-label ("2024年3月5日").
const ARIA_DATE_FORMAT = 'Y年n月j日';

// Where form-js content lives (the pop-up of the "powered by" link is outside the form).
const ROOTS = '.fjs-container, .fjs-powered-by-lightbox';
// Elements whose text nodes form-js writes itself; all other text (labels, options, data) is left alone.
const TEXT_PARENTS = [
  '.fjs-select-placeholder',
  '.fjs-form-field-error li',
  '.fjs-dropdownlist-empty',
  '.fjs-skip-link',
  '.fjs-repeat-render-add',
  '.fjs-repeat-render-collapse',
  '.fjs-table-middle-container',
  '.fjs-table-td[colspan]',
  '.fjs-table-nav-label',
  '.fjs-iframe-placeholder-text',
  '.fjs-powered-by-lightbox span'
].join(', ');
const ATTRIBUTES = ['placeholder', 'title', 'aria-label', 'alt'];

/** The Chinese text for an English form-js text, or null if it is not one. */
function translate(text) {
  if (Object.prototype.hasOwnProperty.call(TEXTS, text)) {
    return TEXTS[text];
  }
  for (const [pattern, chinese] of PATTERNS) {
    if (pattern.test(text)) {
      return text.replace(pattern, chinese);
    }
  }
  return null;
}

function translateText(node) {
  const parent = node.parentElement;
  const text = node.data.trim();
  if (!text || !parent || !parent.matches(TEXT_PARENTS)) {
    return;
  }
  const chinese = translate(text);
  if (chinese !== null) {
    const start = node.data.indexOf(text);
    node.data = node.data.slice(0, start) + chinese + node.data.slice(start + text.length);
  }
}

function translateAttribute(element, name) {
  const value = element.getAttribute(name);
  if (!value) {
    return;
  }
  let chinese = translate(value);
  // The date field's placeholder is the browser's date format, e.g. "mm/dd/yyyy" or "yyyy/mm/dd".
  if (chinese === null && name === 'placeholder' && element.closest('.fjs-datepicker') &&
      /^[ymd\s./-]+$/.test(value)) {
    chinese = value.replace(/y+/g, '年').replace(/m+/g, '月').replace(/d+/g, '日');
  }
  if (chinese !== null && chinese !== value) {
    element.setAttribute(name, chinese);
  }
}

/** Sets the Chinese locale on a flatpickr instance created before flatpickr was localized. */
function localizeDatePicker(input) {
  const picker = input._flatpickr;
  if (picker && picker.l10n && picker.l10n.months.longhand[0] !== FLATPICKR_ZH.months.longhand[0]) {
    picker.set({ locale: FLATPICKR_ZH, ariaDateFormat: ARIA_DATE_FORMAT });
  }
}

/** Translates everything inside a form-js element. */
function translateTree(root) {
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    translateText(node);
  }
  const selector = ATTRIBUTES.map((name) => `[${name}]`).join(', ');
  for (const element of [root, ...root.querySelectorAll(selector)]) {
    ATTRIBUTES.forEach((name) => translateAttribute(element, name));
  }
  root.querySelectorAll('.fjs-datepicker input').forEach(localizeDatePicker);
}

function inForm(element) {
  return Boolean(element && element.closest(ROOTS));
}

function visit(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    if (inForm(node.parentElement)) {
      translateText(node);
    }
  } else if (node.nodeType === Node.ELEMENT_NODE) {
    if (inForm(node)) {
      translateTree(node);
    } else {
      node.querySelectorAll(ROOTS).forEach(translateTree);
    }
  }
}

// 1. flatpickr: its bundle assigns window.flatpickr when it loads; localize it now, or when it is assigned.
function localizeFlatpickr(flatpickr) {
  if (flatpickr && typeof flatpickr.localize === 'function') {
    flatpickr.localize(FLATPICKR_ZH);
    flatpickr.setDefaults({ ariaDateFormat: ARIA_DATE_FORMAT });
  }
}

if (window.flatpickr) {
  localizeFlatpickr(window.flatpickr);
} else {
  let flatpickr;
  try {
    Object.defineProperty(window, 'flatpickr', {
      configurable: true,
      enumerable: true,
      get: () => flatpickr,
      set: (value) => {
        flatpickr = value;
        localizeFlatpickr(value);
      }
    });
  } catch (e) {
    // cannot happen for a new property; date pickers are then fixed one by one (localizeDatePicker)
  }
}

// 2. form-js texts: translate the forms on the page now and whatever form-js renders later.
function start() {
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') {
        mutation.addedNodes.forEach(visit);
      } else if (mutation.type === 'characterData') {
        visit(mutation.target);
      } else if (inForm(mutation.target)) {
        translateAttribute(mutation.target, mutation.attributeName);
      }
    }
  }).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES
  });
  document.querySelectorAll(ROOTS).forEach(translateTree);
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}
