"""Presentation without Streamlit: the strings table, Norwegian number formatting, labels and Plotly
figure building. Both ``ui/`` (Streamlit helpers) and ``report/`` (PDF/DOCX) build on this package;
it never imports either of them."""
