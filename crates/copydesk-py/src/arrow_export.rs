//! `ArrowTable`: one result table, handed to pyarrow, polars or pandas through the Arrow
//! PyCapsule interface (`__arrow_c_stream__`, `__arrow_c_schema__`, `__arrow_c_array__`).
//! The consumer receives pointers to the table's own buffers: nothing is copied.

use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{Array, RecordBatch, RecordBatchIterator, StructArray};
use pyo3::exceptions::{PyImportError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

/// One long table of results (documents, blocks, quotes, entities, acronyms, money or dates).
///
/// Read it with `pyarrow.table(t)`, `polars.DataFrame(t)` or the `to_pyarrow()`, `to_pandas()`
/// and `to_polars()` conveniences; all take the data without copying it.
#[pyclass(frozen, module = "copydesk._copydesk")]
pub struct ArrowTable {
    name: &'static str,
    batch: RecordBatch,
}

impl ArrowTable {
    pub(crate) fn new(name: &'static str, batch: RecordBatch) -> Self {
        ArrowTable { name, batch }
    }
}

fn arrow_err(e: arrow_schema::ArrowError) -> PyErr {
    PyValueError::new_err(format!("Arrow export failed: {e}"))
}

fn import<'py>(py: Python<'py>, module: &str, extra: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|_| {
        PyImportError::new_err(format!("{module} is not installed; install it with: pip install 'copydesk[{extra}]'"))
    })
}

#[pymethods]
impl ArrowTable {
    /// The table's kind: "documents", "blocks", "quotes", "entities", "acronyms", "money" or "dates".
    #[getter]
    fn name(&self) -> &'static str {
        self.name
    }
    /// Number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }
    /// Column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.batch.schema().fields().iter().map(|f| f.name().clone()).collect()
    }
    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    /// Arrow PyCapsule interface: the schema as an "arrow_schema" capsule.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = FFI_ArrowSchema::try_from(self.batch.schema().as_ref()).map_err(arrow_err)?;
        PyCapsule::new_with_value(py, schema, c"arrow_schema")
    }

    /// Arrow PyCapsule interface: the table as an "arrow_array_stream" capsule (one batch).
    /// `requested_schema` is accepted and ignored, as the protocol allows.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let schema = self.batch.schema();
        let reader = RecordBatchIterator::new(vec![Ok(self.batch.clone())], schema);
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// Arrow PyCapsule interface: the table as a struct array, as a pair of "arrow_schema" and
    /// "arrow_array" capsules. `requested_schema` is accepted and ignored.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
        let _ = requested_schema;
        let array = StructArray::from(self.batch.clone());
        let schema = FFI_ArrowSchema::try_from(array.data_type()).map_err(arrow_err)?;
        let data = FFI_ArrowArray::new(&array.to_data());
        Ok((
            PyCapsule::new_with_value(py, schema, c"arrow_schema")?,
            PyCapsule::new_with_value(py, data, c"arrow_array")?,
        ))
    }

    /// The table as a `pyarrow.Table` (needs pyarrow).
    fn to_pyarrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        import(slf.py(), "pyarrow", "arrow")?.call_method1("table", (slf,))
    }

    /// The table as a `pandas.DataFrame` (needs pandas and pyarrow). Integer and float columns
    /// without nulls are not copied.
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        import(py, "pandas", "pandas")?;
        let kwargs = pyo3::types::PyDict::new(py);
        // One block per column, so that pyarrow hands numeric buffers over instead of
        // consolidating (copying) them into 2-D blocks.
        kwargs.set_item("split_blocks", true)?;
        Self::to_pyarrow(slf)?.call_method("to_pandas", (), Some(&kwargs))
    }

    /// The table as a `polars.DataFrame` (needs polars).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        import(slf.py(), "polars", "polars")?.getattr("DataFrame")?.call1((slf,))
    }

    fn __repr__(&self) -> String {
        format!("ArrowTable(name={:?}, rows={}, columns={:?})", self.name, self.batch.num_rows(), self.column_names())
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ArrowTable>()
}
