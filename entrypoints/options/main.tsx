import { render } from 'preact';
import '@/components/shared/extension-page.css';
import { OptionsApp } from '@/components/options/options-app';

render(<OptionsApp />, document.getElementById('app')!);
