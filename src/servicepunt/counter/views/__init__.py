"""Pages of the employee's counter. Thin: they parse input, call the services and selectors of
the contexts, and render. Every view checks access on the server and logs views of personal data."""
