import { render } from 'preact';
import '@/components/shared/extension-page.css';
import { PopupApp } from '@/components/popup/popup-app';

render(<PopupApp />, document.getElementById('app')!);
