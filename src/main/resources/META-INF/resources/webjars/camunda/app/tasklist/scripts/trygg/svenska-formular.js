/*
 * trygg-samverkan: Swedish for the texts that Camunda Forms (form-js, bundled in Tasklist 7.24) writes itself.
 *
 * Our forms' labels are Swedish, and Tasklist translates its own texts from locales/sv.json. form-js, however,
 * has no translation support: its list buttons ("Add new", "Expand all (8)"), its select placeholder ("Select")
 * and its validation messages ("Field must have maximum length of 2000.") are English literals in its code.
 * This script, loaded by Tasklist as a custom script (scripts/config.js), translates exactly those texts
 * inside a form, and only when Tasklist itself shows Swedish: the same choice Tasklist makes (the browser's
 * first language, if it is one of config.js's availableLocales).
 *
 * form-js renders with Preact, which changes a text node only when its own virtual value changes; when it does
 * (a list grows from "Expand all (8)" to "(9)"), the observer below sees the change and translates again.
 */
import config from '../config.js';

const TEXTS = [
  [/^Add new$/, () => 'Lägg till'],
  [/^Expand all \((\d+)\)$/, (m) => `Visa alla (${m[1]})`],
  [/^Collapse$/, () => 'Dölj'],
  [/^Select$/, () => 'Välj'],
  [/^Search$/, () => 'Sök'],
  [/^Field is required\.$/, () => 'Fältet måste fyllas i.'],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `Högst ${m[1]} tecken. Korta texten.`],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `Minst ${m[1]} tecken.`],
  [/^Field must have minimum value of (-?[\d.]+)\.$/, (m) => `Värdet får inte vara mindre än ${m[1]}.`],
  [/^Field must have maximum value of (-?[\d.]+)\.$/, (m) => `Värdet får inte vara större än ${m[1]}.`],
  [/^Field must match pattern .*\.$/, () => 'Värdet har fel form.'],
  [/^Field must be a valid email\.$/, () => 'Ange en giltig e-postadress.'],
  [/^Remove list item (\d+)$/, (m) => `Ta bort rad ${m[1]}`]
];

const ATTRIBUTES = ['aria-label', 'placeholder', 'title'];

export function swedish(text) {
  if (!text) {
    return null;
  }
  const trimmed = text.trim();
  for (const [pattern, translate] of TEXTS) {
    const match = trimmed.match(pattern);
    if (match) {
      return text.replace(trimmed, translate(match));
    }
  }
  return null;
}

function tasklistShowsSwedish() {
  const navigator = window.navigator;
  const first = (Array.isArray(navigator.languages) ? navigator.languages[0] : navigator.language) || '';
  const language = first.split('-')[0].toLowerCase();
  const available = (config.locales && config.locales.availableLocales) || ['en'];
  const chosen = available.includes(language) ? language : (config.locales && config.locales.fallbackLocale) || 'en';
  return chosen === 'sv';
}

function insideAForm(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return element && element.closest('.fjs-container');
}

function translateTextNode(node) {
  const translated = swedish(node.data);
  if (translated !== null && translated !== node.data) {
    node.data = translated;
  }
}

function translateElement(element) {
  for (const name of ATTRIBUTES) {
    const translated = swedish(element.getAttribute(name));
    if (translated !== null) {
      element.setAttribute(name, translated);
    }
  }
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    if (insideAForm(root)) {
      translateTextNode(root);
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE || !insideAForm(root) && !root.querySelector('.fjs-container')) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (insideAForm(node)) {
        translateTextNode(node);
      }
    } else if (insideAForm(node)) {
      translateElement(node);
    }
  }
}

if (tasklistShowsSwedish()) {
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') {
        mutation.addedNodes.forEach(translateTree);
      } else {
        translateTree(mutation.target);
      }
    }
  }).observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
  });
  translateTree(document.body);
}

// Tasklist takes a custom script's default export as a list of plugins: this script adds none
export default [];
