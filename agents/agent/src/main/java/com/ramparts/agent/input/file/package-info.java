/**
 * The file tail input: follows one file through rotation by rename, copytruncate, truncation
 * and agent restarts. Its position (device, inode, offset, and a fingerprint of the first bytes)
 * is the opaque state the pipeline checkpoints; on restart the file is found again by device and
 * inode, in its rotated name if need be. Polling, with NIO positional reads.
 */
package com.ramparts.agent.input.file;
