/** Stylesheets imported by renderer components mean nothing to Jest's DOM: an empty module stands in. */
export {};
