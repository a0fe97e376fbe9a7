//! The only place that touches IndexedDB: data sets, far larger than localStorage holds, and
//! apart from the user's own assessments. Each set is two records under its id: what the list
//! shows (`sets`) and the answers (`answers`), both as JSON text, so the list loads without
//! reading thousands of responses.

use engine::codec::dataset::DataSetInfo;
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

/// The stored description of a set, read within `transaction`.
async fn stored_info(
    transaction: &idb::Transaction,
    id: &str,
) -> Result<Option<DataSetInfo>, DbError> {
    let value = transaction
        .object_store(SETS)
        .map_err(failed)?
        .get(JsValue::from_str(id))
        .map_err(failed)?
        .await
        .map_err(failed)?;
    Ok(value
        .and_then(|v| v.as_string())
        .and_then(|text| serde_json::from_str(&text).ok()))
}

/// Puts a set's description and, when given, its answers.
async fn put(
    transaction: &idb::Transaction,
    info: &DataSetInfo,
    answers: Option<&str>,
) -> Result<(), DbError> {
    let key = JsValue::from_str(&info.id);
    let text = serde_json::to_string(info).unwrap_or_default();
    transaction
        .object_store(SETS)
        .map_err(failed)?
        .put(&JsValue::from_str(&text), Some(&key))
        .map_err(failed)?
        .await
        .map_err(failed)?;
    if let Some(answers) = answers {
        transaction
            .object_store(ANSWERS)
            .map_err(failed)?
            .put(&JsValue::from_str(answers), Some(&key))
            .map_err(failed)?
            .await
            .map_err(failed)?;
    }
    Ok(())
}

/// Stores a set's description and answers, unless another tab stored the set since this
/// one read it: `info.revision` must follow the stored revision (none stored counts as 0).
/// The check and the writes are one transaction, so two tabs cannot both pass it. Returns
/// whether the set was stored; false sends the caller to read the set again.
pub async fn save_answers(info: &DataSetInfo, answers: &str) -> Result<bool, DbError> {
    let database = open().await?;
    let transaction = database
        .transaction(&[SETS, ANSWERS], TransactionMode::ReadWrite)
        .map_err(failed)?;
    let stored = stored_info(&transaction, &info.id).await?;
    if stored.map_or(0, |s| s.revision) + 1 != info.revision {
        let _ = transaction.abort();
        return Ok(false);
    }
    put(&transaction, info, Some(answers)).await?;
    transaction
        .commit()
        .map_err(failed)?
        .await
        .map_err(failed)?;
    Ok(true)
}

/// Renames a stored set, leaving the rest of its stored description as it is (another tab
/// may have added to it since this one read it).
pub async fn rename(id: &str, name: &str) -> Result<(), DbError> {
    let database = open().await?;
    let transaction = database
        .transaction(&[SETS], TransactionMode::ReadWrite)
        .map_err(failed)?;
    let Some(mut info) = stored_info(&transaction, id).await? else {
        return Ok(());
    };
    name.clone_into(&mut info.name);
    put(&transaction, &info, None).await?;
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
