//! The only place that touches IndexedDB: data sets, far larger than localStorage holds, and
//! apart from the user's own assessments. Each set is two records under its id: what the list
//! shows (`sets`) and the answers (`answers`), both as JSON text, so the list loads without
//! reading thousands of responses.

use crate::engine::dataset::DataSetInfo;
use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use wasm_bindgen::JsValue;

const NAME: &str = "partnerlens-datasets";
const VERSION: u32 = 1;
const SETS: &str = "sets";
const ANSWERS: &str = "answers";

/// Why the browser's database could not be used, for the user.
pub type DbError = String;

fn failed(error: idb::Error) -> DbError {
    error.to_string()
}

async fn open() -> Result<Database, DbError> {
    let factory = Factory::new().map_err(failed)?;
    let mut request = factory.open(NAME, Some(VERSION)).map_err(failed)?;
    request.on_upgrade_needed(|event| {
        let Ok(database) = event.database() else {
            return;
        };
        for store in [SETS, ANSWERS] {
            if !database.store_names().iter().any(|name| name == store) {
                let _ = database.create_object_store(store, ObjectStoreParams::new());
            }
        }
    });
    request.await.map_err(failed)
}

/// Every stored data set's description; entries that no longer read are skipped.
pub async fn list() -> Result<Vec<DataSetInfo>, DbError> {
    let database = open().await?;
    let transaction = database
        .transaction(&[SETS], TransactionMode::ReadOnly)
        .map_err(failed)?;
    let store = transaction.object_store(SETS).map_err(failed)?;
    let values = store
        .get_all(None, None)
        .map_err(failed)?
        .await
        .map_err(failed)?;
    let mut sets: Vec<DataSetInfo> = values
        .iter()
        .filter_map(|value| serde_json::from_str(&value.as_string()?).ok())
        .collect();
    sets.sort_unstable_by_key(|set: &DataSetInfo| std::cmp::Reverse(set.updated_at));
    Ok(sets)
}

/// A data set's stored answers, as JSON text.
pub async fn answers(id: &str) -> Result<Option<String>, DbError> {
    let database = open().await?;
    let transaction = database
        .transaction(&[ANSWERS], TransactionMode::ReadOnly)
        .map_err(failed)?;
    let store = transaction.object_store(ANSWERS).map_err(failed)?;
    let value = store
        .get(JsValue::from_str(id))
        .map_err(failed)?
        .await
        .map_err(failed)?;
    Ok(value.and_then(|v| v.as_string()))
}

/// Stores a data set's description and, when given, its answers, in one transaction.
pub async fn save(info: &DataSetInfo, answers: Option<&str>) -> Result<(), DbError> {
    let database = open().await?;
    let transaction = database
        .transaction(&[SETS, ANSWERS], TransactionMode::ReadWrite)
        .map_err(failed)?;
    let key = JsValue::from_str(&info.id);
    let sets = transaction.object_store(SETS).map_err(failed)?;
    let info = serde_json::to_string(info).unwrap_or_default();
    sets.put(&JsValue::from_str(&info), Some(&key))
        .map_err(failed)?
        .await
        .map_err(failed)?;
    if let Some(answers) = answers {
        let store = transaction.object_store(ANSWERS).map_err(failed)?;
        store
            .put(&JsValue::from_str(answers), Some(&key))
            .map_err(failed)?
            .await
            .map_err(failed)?;
    }
    transaction
        .commit()
        .map_err(failed)?
        .await
        .map_err(failed)?;
    Ok(())
}

/// Removes a data set, description and answers.
pub async fn delete(id: &str) -> Result<(), DbError> {
    let database = open().await?;
    let transaction = database
        .transaction(&[SETS, ANSWERS], TransactionMode::ReadWrite)
        .map_err(failed)?;
    for store in [SETS, ANSWERS] {
        transaction
            .object_store(store)
            .map_err(failed)?
            .delete(JsValue::from_str(id))
            .map_err(failed)?
            .await
            .map_err(failed)?;
    }
    transaction
        .commit()
        .map_err(failed)?
        .await
        .map_err(failed)?;
    Ok(())
}
