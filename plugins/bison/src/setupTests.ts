import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy and waitFor wait up to 5 s: the machine running all suites in
// parallel may take longer than the default second to re-render a dialog.
configure({ asyncUtilTimeout: 5000 });
